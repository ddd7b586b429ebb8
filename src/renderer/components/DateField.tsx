// A day typed in the app's locale (dd/mm/aaaa in pt-BR) or picked from a calendar: react-aria's DatePicker.
// It emits YYYY-MM-DD ('' when empty). A typed separator closes a short part, so "3/11/2026" is 3 November.
import { parseDate, type CalendarDate } from '@internationalized/date';
import { useRef, type KeyboardEvent } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD or '' (no date). */
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

const SEPARATORS = new Set(['/', '-', '.']);

function toDate(value: string): CalendarDate | null {
  try {
    return value ? parseDate(value) : null;
  } catch {
    // A malformed day from outside (an old hash link) shows as an empty field rather than breaking the screen.
    return null;
  }
}

/**
 * react-aria moves to the next part only when one is full ("30", "11"). A separator typed after a short part
 * ("3/") moves on too; one typed right after an automatic move ("30/") is the person confirming it, not a skip.
 */
function useSeparatorAdvance() {
  const typed = useRef(false);
  return {
    onFocus: () => {
      typed.current = false;
    },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      const segment = e.target as HTMLElement;
      if (/^\d$/.test(e.key)) typed.current = true;
      if (!SEPARATORS.has(e.key) || segment.getAttribute('role') !== 'spinbutton') return;
      e.preventDefault();
      if (!typed.current) return;
      const segments = [
        ...(segment.parentElement?.querySelectorAll<HTMLElement>('[role="spinbutton"]') ?? []),
      ];
      segments[segments.indexOf(segment) + 1]?.focus();
    },
  };
}

export function DateField({ label, value, onChange, testId }: DateFieldProps) {
  const { t } = useTranslation();
  const advance = useSeparatorAdvance();
  return (
    <DatePicker
      className="date-field"
      value={toDate(value)}
      onChange={(date) => onChange(date ? date.toString() : '')}
      granularity="day"
      shouldForceLeadingZeros
      data-testid={testId}
    >
      <Label>{label}</Label>
      <Group className="date-group" onFocusCapture={advance.onFocus} onKeyDownCapture={advance.onKeyDown}>
        <DateInput className="date-input" data-testid={testId ? `${testId}-input` : undefined}>
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </DateInput>
        <Button className="icon-button date-button" aria-label={t('dateEntry.pick', { label })}>
          <svg
            aria-hidden="true"
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          >
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </svg>
        </Button>
      </Group>
      <FieldError className="field-error">
        {t('dateEntry.invalid', { pattern: t('dateEntry.pattern') })}
      </FieldError>
      <Popover className="date-popover">
        <Dialog aria-label={label}>
          <Calendar className="date-calendar">
            <header>
              <Button slot="previous" className="icon-button">
                ‹
              </Button>
              <Heading />
              <Button slot="next" className="icon-button">
                ›
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} className="date-cell" />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

export interface DateRangeFieldsProps {
  from: string;
  to: string;
  onChange: (field: 'dateFrom' | 'dateTo', value: string) => void;
  /** Changes when the filters are cleared, so half-typed dates are dropped too. */
  resetKey: number;
  testIds: { from: string; to: string };
}

/** The "from" and "to" days of a filter (transactions, audit log). */
export function DateRangeFields({ from, to, onChange, resetKey, testIds }: DateRangeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <DateField
        key={`from-${String(resetKey)}`}
        label={t('transactions.from')}
        value={from}
        onChange={(v) => onChange('dateFrom', v)}
        testId={testIds.from}
      />
      <DateField
        key={`to-${String(resetKey)}`}
        label={t('transactions.to')}
        value={to}
        onChange={(v) => onChange('dateTo', v)}
        testId={testIds.to}
      />
    </>
  );
}
