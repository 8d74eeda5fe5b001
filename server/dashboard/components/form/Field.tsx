// The pieces every dashboard form is built from: one labelled field (label, control, hint, the
// field's problem in words) and one row of actions with the form's status under it. Every text comes in
// already translated through t(), where the catalogue tests see its key.
import type { ComponentChildren } from 'preact';
import type { SubmitState } from '../../models/use-submit.ts';
import { FormStatus } from './FormStatus.tsx';

/** The id a control names in aria-describedby for the hint of the field called `name`. */
export const hintId = (name: string): string => `${name}-hint`;

export function Field(props: {
  label: string;
  children: ComponentChildren;
  /** Spans the whole form grid. */
  wide?: boolean;
  /** A checkbox: the box before its words. */
  check?: boolean;
  /** A line under the control; the control names `hintId(hint.name)` in aria-describedby. */
  hint?: { name: string; text: string };
  /** What is wrong with the value, in words, announced at once. */
  error?: string | null;
}) {
  const words = <span>{props.label}</span>;
  const classes = [props.wide ? 'wide' : '', props.check ? 'check' : ''].filter((c) => c !== '').join(' ');
  return (
    <>
      <label class={classes === '' ? undefined : classes}>
        {props.check ? (
          <>
            {props.children}
            {words}
          </>
        ) : (
          <>
            {words}
            {props.children}
          </>
        )}
        {props.hint && <small id={hintId(props.hint.name)}>{props.hint.text}</small>}
      </label>
      {props.error && <FormError wide>{props.error}</FormError>}
    </>
  );
}

/** A problem the form found itself before sending anything. */
export function FormError({ wide, children }: { wide?: boolean; children: ComponentChildren }) {
  return (
    <p class={wide ? 'form-error wide' : 'form-error'} role="alert">
      {children}
    </p>
  );
}

/**
 * The submit button (disabled while the call runs), any other buttons, then the form's own problem and
 * its status. `status` 'failure' never says "saved": for forms whose success shows elsewhere.
 */
export function FormActions(props: {
  submit: SubmitState;
  label: string;
  kind?: 'primary' | 'danger' | 'plain';
  /** Spans the whole form grid (the status too). */
  wide?: boolean;
  disabled?: boolean;
  /** Buttons before the submit button. */
  before?: ComponentChildren;
  /** Buttons after it. */
  children?: ComponentChildren;
  error?: string | null;
  status?: 'all' | 'failure' | 'none';
}) {
  const { submit, kind = 'primary', wide = true, status = 'all' } = props;
  const statusLine = status === 'none' ? null : <FormStatus failure={submit.failure} done={status === 'all' && submit.done} />;
  return (
    <>
      <div class={wide ? 'form-actions wide' : 'form-actions'}>
        {props.before}
        <button type="submit" class={kind === 'plain' ? undefined : kind} disabled={submit.busy || props.disabled === true}>
          {props.label}
        </button>
        {props.children}
      </div>
      {props.error && <FormError wide={wide}>{props.error}</FormError>}
      {statusLine !== null && (wide ? <div class="wide">{statusLine}</div> : statusLine)}
    </>
  );
}

/** A form that stands as a panel of its own, named by its heading (`id`-title, for aria-labelledby). */
export function FormPanel(props: { id: string; title: string; class?: string; onSubmit(e: Event): void; children: ComponentChildren }) {
  const titleId = `${props.id}-title`;
  return (
    <form class={`panel form-grid${props.class ? ` ${props.class}` : ''}`} aria-labelledby={titleId} onSubmit={props.onSubmit}>
      <h2 id={titleId} class="wide">
        {props.title}
      </h2>
      {props.children}
    </form>
  );
}
