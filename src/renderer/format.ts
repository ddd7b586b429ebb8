// Money, dates and durations in the user's language (pt-BR: R$ 1.234,56 and dd/mm/aaaa).
import { centavosText, type Centavos } from '../shared/money';
import { dateTimeFormat, numberFormat } from './intl-cache';

/** Centavos as money: Intl reads the exact decimal text ("1067.85"), so no float ever rounds a centavo. */
export function formatMoney(cents: Centavos, currency: string, language: string): string {
  // A chart library may hand back a value it interpolated: whole centavos only.
  const exact = centavosText(Math.round(cents)) as Intl.StringNumericLiteral;
  return numberFormat(language, { style: 'currency', currency }).format(exact);
}

/** Centavos as a short axis label ("R$ 12 mil"); a chart tick may round, a figure the user reads never does. */
export function formatMoneyCompact(cents: Centavos, currency: string, language: string): string {
  const exact = centavosText(Math.round(cents)) as Intl.StringNumericLiteral;
  return numberFormat(language, { style: 'currency', currency, notation: 'compact' }).format(exact);
}

export function formatDateTime(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}

/** Day and month in the user's local time, in the language's order: "02/12" (pt-BR), "12/02" (en). */
export function formatDayMonth(iso: string, language: string): string {
  return dateTimeFormat(language, { day: '2-digit', month: '2-digit' }).format(new Date(iso));
}

/** The time alone when it is today, else the date and time: "desde 10:32", "desde 03/12/2026 10:32". */
export function formatSince(iso: string, now: number, language: string): string {
  const at = new Date(iso);
  return at.toDateString() === new Date(now).toDateString()
    ? formatTime(iso, language)
    : formatDateTime(iso, language);
}

export function formatDuration(seconds: number, language: string): string {
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ];
  const [unit, size] = units.find(([, s]) => seconds >= s) ?? ['second', 1];
  const value = Math.floor(seconds / size);
  return numberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** "há 2 horas" / "2 hours ago", "em 5 minutos" / "in 5 minutes". */
export function formatRelative(iso: string, now: number, language: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (abs >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** A moment as day, month and time in the person's time zone: "05/12 04:18" (how a sync run is named). */
export function formatDayTime(iso: string, language: string): string {
  const day = dateTimeFormat(language, { day: '2-digit', month: '2-digit' }).format(new Date(iso));
  return `${day} ${formatTime(iso, language)}`;
}

/** Hours and minutes only, e.g. 14:05. */
export function formatTime(iso: string, language: string): string {
  return dateTimeFormat(language, { timeStyle: 'short' }).format(new Date(iso));
}

/** Seconds left as m:ss. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, '0')}`;
}

/** A month as "maio de 2024" / "May 2024"; `month` is YYYY-MM. */
export function formatMonth(month: string, language: string): string {
  return dateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
}

/** A month in short, "dez. 2026" / "Dec 2026"; `month` is YYYY-MM. */
export function formatMonthShort(month: string, language: string): string {
  const parts = dateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(`${month}-01T12:00:00Z`))
    .filter((p) => p.type === 'month' || p.type === 'year');
  return parts.map((p) => p.value).join(' ');
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/** A file size in the largest unit that keeps the number ≥ 1: "1,5 MB" / "1.5 MB". */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
