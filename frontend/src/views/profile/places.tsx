import { useEffect, useState } from 'react';
import type { Places } from '../../api/people';
import { type Lang, useI18n } from '../../i18n';
import { SelectField } from '../../ui/forms';

type Named = { name: string; nameEn: string };
export const nameIn = (lang: Lang, item: Named | undefined, fallback = ''): string => (item ? (lang === 'zh' ? item.name : item.nameEn || item.name) : fallback);

/** "湖滨社区 · 湖滨社区第1网格": where a grid lies, in the reader's language. */
export const gridLabel = (places: Places | undefined, gridId: string | undefined, lang: Lang): string => {
  const grid = places?.grids.find((g) => g.gridId === gridId);
  if (!grid) return gridId ?? '';
  const community = places?.communities.find((c) => c.communityId === grid.communityId);
  return `${nameIn(lang, community)} · ${nameIn(lang, grid)}`;
};

/** The home grid, chosen street → community → grid; each choice narrows the next. */
export const GridPicker = ({ places, gridId, onChange }: { places: Places; gridId: string; onChange: (gridId: string) => void }) => {
  const { t, lang } = useI18n();
  const chosen = places.grids.find((g) => g.gridId === gridId);
  const [streetId, setStreetId] = useState(chosen?.streetId ?? '');
  const [communityId, setCommunityId] = useState(chosen?.communityId ?? '');
  // A grid set from outside (the saved profile arriving) shows its street and community.
  useEffect(() => {
    if (chosen) {
      setStreetId(chosen.streetId);
      setCommunityId(chosen.communityId);
    }
  }, [chosen]);

  const options = <T extends Named>(items: T[], id: (item: T) => string) => items.map((item) => ({ value: id(item), label: nameIn(lang, item) }));
  return (
    <div className="picker-row">
      <SelectField
        label={t('profile.street')}
        value={streetId}
        onChange={(v) => (setStreetId(v), setCommunityId(''), onChange(''))}
        options={options(places.streets, (s) => s.streetId)}
        placeholder={t('profile.choose')}
        testid="profile-street"
        grow
      />
      <SelectField
        label={t('profile.community')}
        value={communityId}
        onChange={(v) => (setCommunityId(v), onChange(''))}
        options={options(places.communities.filter((c) => c.streetId === streetId), (c) => c.communityId)}
        placeholder={t('profile.choose')}
        testid="profile-community"
        grow
      />
      <SelectField
        label={t('profile.grid')}
        value={gridId}
        onChange={onChange}
        options={options(places.grids.filter((g) => g.communityId === communityId), (g) => g.gridId)}
        placeholder={t('profile.choose')}
        testid="profile-grid"
        grow
      />
    </div>
  );
};
