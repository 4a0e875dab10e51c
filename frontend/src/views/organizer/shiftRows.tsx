import { useI18n } from '../../i18n';
import { TextField } from '../../ui/forms';
import { LIMITS, type ShiftRow, nextShift, withStart } from './publishRules';

/**
 * The activity's shifts, one row each (start, end in Beijing time, places): rows are added
 * (the last one's times a day later) and removed, down to one.
 */
export const ShiftRows = ({ rows, onChange }: { rows: ShiftRow[]; onChange: (rows: ShiftRow[]) => void }) => {
  const { t } = useI18n();
  const change = (i: number, row: ShiftRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <fieldset className="field shift-rows" data-testid="shift-rows">
      <legend className="field-label">
        {t('publish.shifts')} · {t('common.timezone')}
      </legend>
      {rows.map((row, i) => (
        <div key={i} className="picker-row shift-row" data-testid={`shift-row-${i}`}>
          <TextField
            type="datetime-local"
            label={t('publish.shiftStarts', { n: i + 1 })}
            value={row.startsAt}
            onChange={(v) => change(i, withStart(row, v))}
            testid={`shift-starts-${i}`}
          />
          <TextField type="datetime-local" label={t('publish.shiftEnds', { n: i + 1 })} value={row.endsAt} onChange={(v) => change(i, { ...row, endsAt: v })} testid={`shift-ends-${i}`} />
          <TextField
            label={t('publish.shiftCapacity')}
            value={row.capacity}
            onChange={(v) => change(i, { ...row, capacity: v })}
            testid={`shift-capacity-${i}`}
            inputMode="numeric"
            maxLength={3}
          />
          {rows.length > 1 ? (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={t('publish.shiftRemoveLabel', { n: i + 1 })}
              data-testid={`shift-remove-${i}`}
            >
              {t('publish.shiftRemove')}
            </button>
          ) : null}
        </div>
      ))}
      {rows.length < LIMITS.shifts ? (
        <div>
          <button type="button" className="btn btn-small btn-secondary" onClick={() => onChange([...rows, nextShift(rows.at(-1), Date.now())])} data-testid="shift-add">
            + {t('publish.shiftAdd')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
};
