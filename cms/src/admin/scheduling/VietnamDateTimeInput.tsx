/**
 * The scheduling fields' input ("Hẹn giờ đăng", "Hết hạn"). Strapi's own date-time picker shows and
 * reads the browser's time zone, so an editor on a laptop set to another zone would schedule hours
 * off; this one always shows and takes Vietnam time (UTC+7) and says so, and stores the moment in UTC.
 */
import * as React from 'react';
import { Button, Field, Flex } from '@strapi/design-system';
import { useAuth } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { fromVietnamDateTimeInput, vietnamDateTimeInput } from '@toasoan/shared/dates';

interface Props {
  name: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  value?: string | null;
  onChange: (name: string, value: string | null) => void;
  labelAction?: React.ReactNode;
}

const VietnamDateTimeInput = React.forwardRef<HTMLInputElement, Props>(
  ({ name, label, hint, error, required, disabled: formDisabled = false, value, onChange, labelAction }, ref) => {
    // Only users who may publish may schedule (the server refuses anyone else): the others see the
    // schedule an editor set, read-only, and why.
    const { slug } = useParams<{ slug: string }>();
    const permissions = useAuth('VietnamDateTimeInput', (state) => state.permissions);
    const mayPublish = permissions.some((p) => p.action === 'plugin::content-manager.explorer.publish' && p.subject === slug);
    const disabled = formDisabled || !mayPublish;
    const note = mayPublish ? 'theo giờ Việt Nam (GMT+7)' : 'theo giờ Việt Nam (GMT+7); chỉ người có quyền xuất bản mới đặt được';
    // What the editor is typing stays in the box until it is a whole date and time.
    const [text, setText] = React.useState(() => vietnamDateTimeInput(value));
    React.useEffect(() => {
      if (fromVietnamDateTimeInput(text) !== (value ? new Date(value).toISOString() : undefined)) setText(vietnamDateTimeInput(value));
      // Only a new value from the form (a save, a discard) replaces the box's text.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [value]);

    return (
      <Field.Root name={name} id={name} error={error} hint={hint ? <>{hint}, {note}</> : note.charAt(0).toUpperCase() + note.slice(1)} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Flex gap={2}>
          <Field.Input
            ref={ref}
            type="datetime-local"
            value={text}
            disabled={disabled}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              const next = event.target.value;
              setText(next);
              if (next === '') onChange(name, null);
              else {
                const iso = fromVietnamDateTimeInput(next);
                if (iso) onChange(name, iso);
              }
            }}
          />
          {value && !disabled ? (
            <Button variant="tertiary" onClick={() => { setText(''); onChange(name, null); }}>
              Bỏ
            </Button>
          ) : null}
        </Flex>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

export default VietnamDateTimeInput;
