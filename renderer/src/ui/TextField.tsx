import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'onChange' | 'aria-invalid' | 'aria-describedby'>;

/** A labelled text input of a form: `invalid` marks it for assistive technology, `describedBy` points at its help text. */
export function TextField({
  ref,
  label,
  onValue,
  invalid,
  describedBy,
  testId,
  ...input
}: InputProps & {
  ref?: Ref<HTMLInputElement>;
  label: ReactNode;
  onValue: (value: string) => void;
  invalid: boolean;
  describedBy?: string;
  testId: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        ref={ref}
        className="input"
        {...input}
        onChange={(e) => onValue(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        data-testid={testId}
      />
    </label>
  );
}
