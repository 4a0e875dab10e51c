import { useState } from 'react';
import { AUDIENCES, type Activity, type Audience, CATEGORIES, type Category, createActivity } from '../../api/activities';
import { type Organization, type Places, organizations, places } from '../../api/people';
import { type Lang, useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/components';
import { SelectField, TextAreaField, TextField } from '../../ui/forms';
import { useAction, useResource } from '../../ui/hooks';
import { gridLabel, nameIn } from '../profile/places';
import { type ActivityDraft, LIMITS, type Problem, activityProblems, emptyDraft, publishBody } from './publishRules';
import { ShiftRows } from './shiftRows';

interface Directory {
  organizations: Organization[];
  places: Places;
}

/** The grids an organization serves (from the directory); it may publish only there. */
const gridsOf = (directory: Directory | undefined, orgId: string): string[] => directory?.organizations.find((o) => o.orgId === orgId)?.gridIds ?? [];

const orgName = (directory: Directory | undefined, orgId: string, lang: Lang) =>
  nameIn(lang, directory?.organizations.find((o) => o.orgId === orgId), orgId);

/** The form's own refusals, all at once, under the same test id as the API's. */
const Problems = ({ problems }: { problems: Problem[] }) => {
  const { t } = useI18n();
  if (!problems.length) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="activity-form-error" data-code="LOCAL">
      <strong>{t('publish.fix')}</strong>
      <ul className="error-fields">
        {problems.map((p) => (
          <li key={`${p.key}-${String(p.vars?.n ?? '')}`}>{t(p.key, p.vars)}</li>
        ))}
      </ul>
    </div>
  );
};

/**
 * An organizer describes an activity and publishes it (or saves it as a draft) for one of
 * their organizations, in a grid that organization serves. The form opens filled with
 * workable defaults: the first organization and its first grid, 其他, 10 points an hour,
 * everyone, one two-hour shift of ten places starting an hour after the next full hour.
 */
export const ActivityForm = ({ orgIds, onCreated, onClose }: { orgIds: string[]; onCreated: (activity: Activity) => void; onClose: () => void }) => {
  const { t, lang } = useI18n();
  const directory = useResource(async (signal): Promise<Directory> => {
    const [orgs, where] = await Promise.all([organizations(signal), places(signal)]);
    return { organizations: orgs.items, places: where };
  }, []);
  const [form, setForm] = useState<ActivityDraft>(() => emptyDraft(orgIds[0] ?? '', Date.now()));
  const [problems, setProblems] = useState<Problem[]>([]);
  const action = useAction();
  const set = <K extends keyof ActivityDraft>(key: K) => (value: ActivityDraft[K]) => setForm((f) => ({ ...f, [key]: value }));

  const grids = gridsOf(directory.data, form.orgId);
  // Until the organizer picks one, or after they change organization, the grid is the organization's first.
  const gridId = grids.includes(form.gridId) ? form.gridId : (grids[0] ?? '');
  const ready = { ...form, gridId };

  const submit = (draft: boolean) => {
    const found = activityProblems(ready, { now: Date.now(), publishing: !draft });
    setProblems(found);
    action.setError(null);
    if (found.length) return;
    void action.run(async () => onCreated(await createActivity(publishBody(ready, draft))));
  };

  const text = (key: 'title' | 'address' | 'skills', label: string, testid: string, maxLength: number, hint?: string) => (
    <TextField label={label} value={form[key]} onChange={set(key)} testid={testid} maxLength={maxLength} hint={hint} grow />
  );
  const number = (key: 'lat' | 'lng' | 'pointsPerHour' | 'cancellationDeadlineHours', label: string, testid: string, decimal = false) => (
    <TextField label={label} value={form[key]} onChange={set(key)} testid={testid} maxLength={12} inputMode={decimal ? 'decimal' : 'numeric'} />
  );

  return (
    <div className="card form-card activity-form" data-testid="activity-form">
      <h3>{t('publish.heading')}</h3>
      <p className="muted small">{t('publish.intro')}</p>
      <ErrorNotice error={directory.error} testid="activity-directory-error" />
      {directory.loading && !directory.data ? <Loading /> : null}
      <div className="form-grid">
        <div className="picker-row">
          <SelectField
            label={t('publish.org')}
            value={form.orgId}
            onChange={set('orgId')}
            options={orgIds.map((orgId) => ({ value: orgId, label: orgName(directory.data, orgId, lang) }))}
            testid="activity-org"
          />
          <SelectField
            label={t('publish.grid')}
            value={gridId}
            onChange={set('gridId')}
            options={grids.map((g) => ({ value: g, label: gridLabel(directory.data?.places, g, lang) }))}
            testid="activity-grid"
            hint={directory.data && !grids.length ? t('publish.noGrid') : t('publish.gridHint')}
          />
        </div>
        {text('title', t('publish.title'), 'activity-title', LIMITS.title)}
        <TextAreaField label={t('publish.description')} value={form.description} onChange={set('description')} testid="activity-description" maxLength={LIMITS.description} />
        <div className="picker-row">
          <SelectField
            label={t('publish.category')}
            value={form.category}
            onChange={(v) => set('category')(v as Category)}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            testid="activity-category"
          />
          <SelectField
            label={t('publish.audience')}
            value={form.audience}
            onChange={(v) => set('audience')(v as Audience)}
            options={AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
            testid="activity-audience"
          />
          {number('pointsPerHour', t('publish.points'), 'activity-points')}
          {number('cancellationDeadlineHours', t('publish.cancellation'), 'activity-cancellation-hours')}
        </div>
        {text('address', t('publish.address'), 'activity-address', LIMITS.address)}
        <div className="picker-row">
          {number('lat', t('publish.lat'), 'activity-lat', true)}
          {number('lng', t('publish.lng'), 'activity-lng', true)}
        </div>
        <p className="field-hint">{t('publish.locationHint')}</p>
        {text('skills', t('publish.skills'), 'activity-skills', 240, t('publish.skillsHint'))}
        <ShiftRows rows={form.shifts} onChange={set('shifts')} />
      </div>
      <Problems problems={problems} />
      <ErrorNotice error={action.error} testid="activity-form-error" />
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => submit(false)} disabled={action.busy || !directory.data} data-testid="activity-publish">
          {action.busy ? t('common.working') : t('publish.submit')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => submit(true)} disabled={action.busy || !directory.data} data-testid="activity-save-draft">
          {t('publish.saveDraft')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onClose} disabled={action.busy} data-testid="activity-cancel">
          {t('publish.cancel')}
        </button>
      </div>
    </div>
  );
};
