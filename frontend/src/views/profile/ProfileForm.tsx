import { useState } from 'react';
import { AVAILABILITY, type Availability, type Me, type Profile, type ProfileInput, places, saveProfile } from '../../api/people';
import { useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/components';
import { CheckboxGroup, FormWithSubmit, TextField } from '../../ui/forms';
import { useResource } from '../../ui/hooks';
import { GridPicker } from './places';
import { parseSkills, profileProblem } from './rules';

/**
 * The profile: display name, optional real name and id card number, home grid, skills and
 * availability. The id card number is never shown back (the service keeps a digest and the
 * last 4 characters); left empty, the one on file stays.
 */
export const ProfileForm = ({ initial, defaultName, submitLabel, onSaved }: { initial?: Profile | undefined; defaultName: string; submitLabel: string; onSaved: (me: Me) => Promise<void> | void }) => {
  const { t } = useI18n();
  const directory = useResource((signal) => places(signal), []);
  const [displayName, setDisplayName] = useState(initial?.displayName ?? defaultName);
  const [realName, setRealName] = useState(initial?.realName ?? '');
  const [idCardNumber, setIdCardNumber] = useState('');
  const [gridId, setGridId] = useState(initial?.gridId ?? '');
  const [skills, setSkills] = useState((initial?.skills ?? []).join(', '));
  const [availability, setAvailability] = useState<Availability[]>(initial?.availability ?? []);

  const body: ProfileInput = {
    displayName: displayName.trim(),
    ...(realName.trim() ? { realName: realName.trim() } : {}),
    ...(idCardNumber.trim() ? { idCardNumber: idCardNumber.trim().toUpperCase() } : {}),
    gridId,
    skills: parseSkills(skills),
    availability,
  };
  const problem = profileProblem(body);

  return (
    <div className="card form-card profile-form" data-testid="profile-form">
      <ErrorNotice error={directory.error} />
      {directory.loading && !directory.data ? <Loading /> : null}
      <div className="form-grid">
        <TextField label={t('profile.displayName')} value={displayName} onChange={setDisplayName} testid="profile-display-name" maxLength={20} hint={t('auth.nameHint')} />
        <TextField label={t('profile.realName')} value={realName} onChange={setRealName} testid="profile-real-name" maxLength={20} autoComplete="name" hint={t('profile.optional')} />
        <TextField
          label={t('profile.idCard')}
          value={idCardNumber}
          onChange={setIdCardNumber}
          testid="profile-id-card"
          maxLength={18}
          autoComplete="off"
          hint={initial?.idCard ? t('profile.idCardOnFile', { last4: initial.idCard.last4 }) : t('profile.idCardHint')}
        />
        {directory.data ? <GridPicker places={directory.data} gridId={gridId} onChange={setGridId} /> : null}
        <TextField label={t('profile.skills')} value={skills} onChange={setSkills} testid="profile-skills" maxLength={240} hint={t('profile.skillsHint')} />
        <CheckboxGroup
          label={t('profile.availability')}
          options={AVAILABILITY.map((value) => ({ value, label: t(`availability.${value}`) }))}
          value={availability}
          onChange={setAvailability}
          testid="profile-availability"
        />
      </div>
      <FormWithSubmit
        testid="profile-save"
        check={() => (problem ? t(problem) : null)}
        fields={null}
        submit={{ label: submitLabel, work: async () => onSaved(await saveProfile(body)) }}
      />
    </div>
  );
};
