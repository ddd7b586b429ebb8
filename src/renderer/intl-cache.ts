// Intl formatters made once per language and options: building one costs far more than formatting with it,
// and a list formats every visible row's money and date.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function once<T>(cache: Map<string, T>, language: string, options: object | undefined, make: () => T): T {
  const key = `${language}|${JSON.stringify(options ?? {})}`;
  let made = cache.get(key);
  if (made === undefined) {
    made = make();
    cache.set(key, made);
  }
  return made;
}

export const numberFormat = (language: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  once(numberFormats, language, options, () => new Intl.NumberFormat(language, options));

export const dateTimeFormat = (language: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  once(dateTimeFormats, language, options, () => new Intl.DateTimeFormat(language, options));
