// An amount in reais typed as a Brazilian writes it ("1.000,50", "1000,50", "R$ 1.000,50"): react-aria's NumberField.
import { Input, Label, NumberField } from 'react-aria-components';

export interface AmountFieldProps {
  label: string;
  /** Reais as a plain number string ("1000.5") or '' (no amount). */
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

const BRL: Intl.NumberFormatOptions = { style: 'currency', currency: 'BRL' };

export function AmountField({ label, value, onChange, testId }: AmountFieldProps) {
  const number = value === '' ? NaN : Number(value);
  return (
    <NumberField
      className="amount-field"
      value={number}
      minValue={0}
      formatOptions={BRL}
      // The parent hears a value when the person leaves the field or presses Enter, not at each key.
      onChange={(next) => onChange(Number.isFinite(next) ? String(next) : '')}
    >
      <Label>{label}</Label>
      <Input data-testid={testId} />
    </NumberField>
  );
}
