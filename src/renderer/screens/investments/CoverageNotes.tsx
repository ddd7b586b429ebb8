// What a bank did not report for a product (not covered, failed, never read): said in words, never as zero.
import { useTranslation } from 'react-i18next';
import type { ProductCoverage } from '../../../shared/contract';
import { formatDate } from '../../format';

export function CoverageNotes({
  product,
  coverage,
}: {
  product: 'investments' | 'loans';
  coverage: ProductCoverage[];
}) {
  const { t, i18n } = useTranslation();
  const gaps = coverage.filter((c) => c.state !== 'read');
  if (gaps.length === 0) return null;
  // Links with one name in one state say it once.
  const lines = [
    ...new Set(
      gaps.map((c) =>
        c.state === 'failed' && c.readAt
          ? t(`${product}.coverage.failedSince`, {
              bank: c.bankName,
              when: formatDate(c.readAt, i18n.language),
            })
          : t(`${product}.coverage.${c.state}`, { bank: c.bankName }),
      ),
    ),
  ];
  return (
    <ul className="coverage-notes" data-testid={`${product}-coverage`}>
      {lines.map((line) => (
        <li key={line} className="hint">
          {line}
        </li>
      ))}
    </ul>
  );
}
