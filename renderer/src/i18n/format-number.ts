/** Numbers as the UI language writes them: 1,234 in English, 1.234 in Vietnamese. */
import { useTranslation } from 'react-i18next';

const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, language: string): string {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}

/** `format(n)` in the current UI language. */
export function useFormatNumber(): (n: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return (n) => formatNumber(n, language);
}
