import { adminLogQuery } from '@lianxin/shared/http/openapi';
import { z } from '@hono/zod-openapi';
import { ADMIN_ACTIONS } from '../domain/adminLog';
import { CODE_DIGITS, type CheckinCode } from '../domain/codes';
import { HOUR_LOG_STATUSES, type HourLog } from '../domain/hourLog';
import { MAX_VERIFIED_MINUTES } from '../domain/verification';

const isoTime = z.iso.datetime();

export const HourLogSchema = z
  .object({
    hourLogId: z.string(),
    shiftId: z.string(),
    activityId: z.string(),
    activityTitle: z.string(),
    orgId: z.string(),
    volunteerId: z.string(),
    volunteerName: z.string(),
    status: z.enum(HOUR_LOG_STATUSES),
    checkInAt: isoTime,
    checkOutAt: isoTime.optional(),
    minutes: z.number().int().optional(),
    pointsPerHour: z
      .number()
      .int()
      .optional()
      .openapi({ description: "The activity's published rate, as context (absent for a micro-wish); the ledger computes the points" }),
    category: z.string().optional(),
    bonusPoints: z.number().int().optional(),
    note: z.string().optional(),
    reason: z.string().optional(),
    verifiedBy: z.string().optional(),
    kind: z.enum(['shift', 'wish']).openapi({ description: 'wish: a micro-wish (微心愿) the resident confirmed, awaiting an organizer of its community' }),
  })
  .openapi('HourLog');
export type HourLogView = z.infer<typeof HourLogSchema>;

export const HourLogListSchema = z.object({ items: z.array(HourLogSchema) }).openapi('HourLogList');

export const PendingHourLogListSchema = HourLogListSchema.extend({
  maxBonusPoints: z.number().int().openapi({ description: "The most `bonusPoints` may be when verifying: the earning policy's maximum organizer bonus" }),
}).openapi('PendingHourLogList');

export const CheckinCodeSchema = z
  .object({ code: z.string().openapi({ example: '042917' }), shiftId: z.string(), expiresAt: isoTime })
  .openapi('CheckinCode');

export const codeViewOf = ({ code, shiftId, expiresAt }: CheckinCode): z.infer<typeof CheckinCodeSchema> => ({ code, shiftId, expiresAt });

export const CodeBody = z
  .object({ code: z.string().regex(new RegExp(`^\\d{${CODE_DIGITS}}$`), `${CODE_DIGITS} digits`) })
  .openapi('CodeBody');

export const VerifyBody = z
  .object({
    minutes: z.number().int().min(0).max(MAX_VERIFIED_MINUTES).optional(),
    note: z.string().trim().min(1).max(500).optional(),
    bonusPoints: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: "Organizer's bonus points: at most the earning policy's maximum (`maxBonusPoints` of GET /hours/pending), else 400" }),
  })
  .openapi('VerifyBody');

export const RejectBody = z.object({ reason: z.string().trim().min(1).max(200) }).openapi('RejectBody');

/** What the API shows of a log: the contract's fields, not the index keys or audit fields. */
export const viewOf = (log: HourLog): HourLogView => ({
  hourLogId: log.hourLogId,
  shiftId: log.shiftId,
  activityId: log.activityId,
  activityTitle: log.activityTitle,
  orgId: log.orgId,
  volunteerId: log.volunteerId,
  volunteerName: log.volunteerName,
  status: log.status,
  checkInAt: log.checkInAt,
  checkOutAt: log.checkOutAt,
  minutes: log.minutes,
  pointsPerHour: log.pointsPerHour,
  category: log.category,
  bonusPoints: log.bonusPoints,
  note: log.note,
  reason: log.reason,
  verifiedBy: log.verifiedBy,
  kind: log.kind ?? 'shift',
});

// ---- the admin log ----

export const AdminLogQuery = adminLogQuery(20);

export const AdminLogSchema = z
  .object({
    items: z.array(z.object({
      entryId: z.string(),
      at: isoTime,
      actor: z.string().openapi({ description: 'The organizer who decided' }),
      action: z.enum(ADMIN_ACTIONS),
      hourLogId: z.string(),
      volunteerId: z.string(),
      orgId: z.string().openapi({ description: 'The organization the decision was made for (for a micro-wish, the serving organization the organizer acted for)' }),
      before: z.object({ status: z.enum(HOUR_LOG_STATUSES), minutes: z.number().int() }),
      after: z.object({ status: z.enum(HOUR_LOG_STATUSES), minutes: z.number().int(), bonusPoints: z.number().int() })
        .openapi({ description: 'The minutes and bonus points the decision credits (0 when rejected)' }),
      note: z.string().optional().openapi({ description: "The organizer's note on adjusted minutes" }),
      reason: z.string().optional().openapi({ description: 'Why the hours were rejected' }),
    }).openapi('HoursAdminLogEntry')),
    cursor: z.string().optional().openapi({ description: 'Pass it back for the next (older) page; absent on the last page' }),
  })
  .openapi('HoursAdminLog');
