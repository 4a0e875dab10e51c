import { useEffect, useState } from 'react';
import { type CallAnswer, type EmergencyCall, answerCall, emergencyCalls } from '../../api/emergency';
import { type User, scopeIds } from '../../api/session';
import { useI18n } from '../../i18n';
import { Badge, ErrorNotice, Notice } from '../../ui/components';
import { useAction, useInterval, useResource } from '../../ui/hooks';

/**
 * The API does not tell a volunteer their own earlier answer, so the portal remembers it on
 * this device (per person and call) to show it again after a reload.
 */
const answerKey = (userId: string, callId: string) => `lianxin.callAnswer.${userId}.${callId}`;
const rememberedAnswer = (userId: string, callId: string): CallAnswer | null => {
  try {
    const v = localStorage.getItem(answerKey(userId, callId));
    return v === 'accept' || v === 'decline' ? v : null;
  } catch {
    return null;
  }
};
const remember = (userId: string, callId: string, answer: CallAnswer) => {
  try {
    localStorage.setItem(answerKey(userId, callId), answer);
  } catch {
    /* not remembered: shown until the page is left */
  }
};

/** An organizer who also volunteers also gets their organizations' calls: keep those reaching my grids. */
const reachesMe = (call: EmergencyCall, user: User): boolean => {
  if (!user.roles.includes('organizer') || call.level !== 'grids') return true;
  const mine = new Set([...(user.gridId ? [user.gridId] : []), ...scopeIds(user, 'grid')]);
  return call.gridIds.some((g) => mine.has(g));
};

const CallNotice = ({ initial, user }: { initial: EmergencyCall; user: User }) => {
  const { t } = useI18n();
  const action = useAction();
  // The answer's reply shows the new headcount at once; the next poll brings others' answers.
  const [call, setCall] = useState(initial);
  useEffect(() => setCall(initial), [initial]);
  const [answer, setAnswer] = useState<CallAnswer | null>(() => rememberedAnswer(user.userId, initial.callId));
  const { accepted, target } = call.headcount;

  const respond = (next: CallAnswer) =>
    void action.run(async () => {
      const updated = await answerCall(call.callId, next);
      remember(user.userId, call.callId, next);
      setAnswer(next);
      setCall(updated);
    });

  const button = (kind: CallAnswer, className: string) => (
    <button type="button" className={`btn ${className}`} onClick={() => respond(kind)} disabled={action.busy || answer === kind} data-testid={`call-${kind}-${call.callId}`}>
      {t(kind === 'accept' ? 'call.accept' : 'call.decline')}
    </button>
  );

  return (
    <Notice tone="warn" testid={`call-${call.callId}`}>
      <div className="row-title">
        <Badge tone="danger">{t('call.badge')}</Badge> {call.title}
      </div>
      {call.description ? <p>{call.description}</p> : null}
      <p className="small">{t('call.muster', { address: call.musterPoint.address })}</p>
      <p className="small" data-testid={`call-headcount-${call.callId}`} data-accepted={accepted} data-target={target}>
        {t('call.headcount', { accepted, target })}
      </p>
      <div className="button-row">
        {button('accept', 'btn-primary')}
        {button('decline', 'btn-secondary')}
        {answer ? (
          <Badge tone={answer === 'accept' ? 'success' : 'neutral'} testid={`call-answer-${call.callId}`}>
            <span data-answer={answer}>{t(answer === 'accept' ? 'call.accepted' : 'call.declined')}</span>
          </Badge>
        ) : null}
      </div>
      <ErrorNotice error={action.error} testid={`call-error-${call.callId}`} />
    </Notice>
  );
};

/** Open emergency calls reaching the volunteer, above everything else; polled so a new call shows up. */
export const EmergencyCalls = ({ user }: { user: User }) => {
  const calls = useResource((signal) => emergencyCalls(signal), []);
  useInterval(calls.reload, 10_000);
  const items = (calls.data?.items ?? []).filter((c) => c.status === 'open' && reachesMe(c, user));
  if (!items.length && !calls.error) return null;
  return (
    <div className="calls" data-testid="emergency-calls">
      <ErrorNotice error={calls.error} testid="calls-error" />
      {items.map((call) => (
        <CallNotice key={call.callId} initial={call} user={user} />
      ))}
    </div>
  );
};
