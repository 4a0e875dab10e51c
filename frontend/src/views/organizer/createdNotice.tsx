import { type Activity, publishDraft } from '../../api/activities';
import { useI18n } from '../../i18n';
import { Notice } from '../../ui/components';
import { ActionButton } from '../../ui/forms';

/**
 * What became of the activity just created: published, or a draft. A draft is listed
 * nowhere (the listing holds published activities only), so it can be published from here.
 */
export const CreatedNotice = ({ activity, onPublished }: { activity: Activity; onPublished: (activity: Activity) => void }) => {
  const { t } = useI18n();
  if (activity.status !== 'draft') {
    return (
      <div data-testid="activity-published" data-activity-id={activity.activityId}>
        <Notice tone="success">{t('publish.published', { title: activity.title })}</Notice>
      </div>
    );
  }
  return (
    <div data-testid="activity-draft-saved" data-activity-id={activity.activityId}>
      <Notice tone="info">{t('publish.draftSaved', { title: activity.title })}</Notice>
      <ActionButton label={t('publish.publishDraft')} testid="activity-draft-publish" work={() => publishDraft(activity.activityId)} onDone={onPublished} />
    </div>
  );
};
