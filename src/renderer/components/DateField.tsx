// A date typed in the user's pattern (dd/mm/aaaa in pt-BR) whatever the browser's own locale; emits YYYY-MM-DD.
// The native <input type="date"> follows the browser's UI locale (mm/dd/yyyy in an English Chromium), not
// the app's language nor the `lang` attribute, so Cofre masks a text field itself.
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caretAfterDigits, formatDay, maskDate, parseDate, parsePattern } from '../date-entry';

export interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD or '' (no date). */
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

export function DateField({ label, value, onChange, testId }: DateFieldProps) {
  const { t } = useTranslation();
  const patternText = t('dateEntry.pattern');
  const pattern = useMemo(() => parsePattern(patternText), [patternText]);
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const [text, setText] = useState(() => formatDay(value, pattern));
  const [touched, setTouched] = useState(false);
  // What this field last told its parent: any other value came from outside (cleared filters, a new language).
  const [shown, setShown] = useState({ value, patternText });
  if (shown.value !== value || shown.patternText !== patternText) {
    setShown({ value, patternText });
    setText(formatDay(value, pattern));
    setTouched(false);
  }

  useLayoutEffect(() => {
    if (caret.current !== null && input.current === document.activeElement) {
      input.current?.setSelectionRange(caret.current, caret.current);
    }
    caret.current = null;
  }, [text]);

  const parsed = parseDate(text, pattern);
  const complete = text.length >= patternText.length;
  const invalid = parsed === null && (touched || complete);

  const emit = (next: string) => {
    if (next === shown.value) return;
    setShown({ value: next, patternText });
    onChange(next);
  };

  return (
    <div className="date-field">
      <label>
        {label}
        <input
          ref={input}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={patternText.length}
          placeholder={patternText}
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          data-testid={testId}
          onChange={(e) => {
            const raw = e.target.value;
            const before = raw.slice(0, e.target.selectionStart ?? raw.length).replace(/\D/g, '').length;
            const masked = maskDate(raw, pattern);
            caret.current = caretAfterDigits(masked, before);
            setText(masked);
            emit(parseDate(masked, pattern) ?? '');
          }}
          onBlur={() => setTouched(true)}
        />
      </label>
      {/* The browser's calendar, for picking instead of typing; its own text field stays hidden. */}
      <span className="date-picker">
        <button
          type="button"
          className="icon-button"
          aria-label={t('dateEntry.pick', { label })}
          title={t('dateEntry.pick', { label })}
          onClick={() => {
            try {
              picker.current?.showPicker();
            } catch {
              // No picker here (or no user gesture): typing still works, so the field takes the focus.
              input.current?.focus();
            }
          }}
        >
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
        </button>
        <input
          ref={picker}
          type="date"
          tabIndex={-1}
          aria-hidden="true"
          className="date-picker-input"
          value={parsed ?? ''}
          data-testid={testId ? `${testId}-picker` : undefined}
          onChange={(e) => {
            setText(formatDay(e.target.value, pattern));
            setTouched(false);
            emit(e.target.value);
          }}
        />
      </span>
      {invalid && (
        <span id={errorId} className="field-error" role="alert">
          {t('dateEntry.invalid', { pattern: patternText })}
        </span>
      )}
    </div>
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
        key={`from-${resetKey}`}
        label={t('transactions.from')}
        value={from}
        onChange={(v) => onChange('dateFrom', v)}
        testId={testIds.from}
      />
      <DateField
        key={`to-${resetKey}`}
        label={t('transactions.to')}
        value={to}
        onChange={(v) => onChange('dateTo', v)}
        testId={testIds.to}
      />
    </>
  );
}
