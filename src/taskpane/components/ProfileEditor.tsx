/**
 * The profile a validation follows (docs/domain.md §4): capping, full mark, 反向
 * scoring and grade bands, editable by the user. Presentational: the value
 * comes in, every change goes out whole.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../../core';
import { DEFAULT_PROFILE, type CapPolicy, type Profile, type ReverseScoring } from '../../core';
import { PROFILE_STRINGS } from '../profile-strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  bands: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  band: { width: '5.5em' },
});

export interface ProfileEditorProps {
  lang: Lang;
  profile: Profile;
  onChange(profile: Profile): void;
}

/** A typed number, or undefined while the field holds something that is not one yet. */
function numberFrom(text: string): number | undefined {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

interface NumberInputProps {
  value: number;
  accept(n: number): boolean;
  onValue(n: number): void;
  className?: string;
  'aria-label'?: string;
  contentBefore?: string;
}

/**
 * A number field the user may type through half-numbers in ("", "1", "11"):
 * only acceptable numbers go out, and a value changed from outside (a profile
 * loaded from the document, a reset) replaces what is shown.
 */
function NumberInput({ value, accept, onValue, ...rest }: NumberInputProps): React.JSX.Element {
  const [text, setText] = React.useState(String(value));
  React.useEffect(() => {
    setText((shown) => (numberFrom(shown) === value ? shown : String(value)));
  }, [value]);
  return (
    <Input
      {...rest}
      type="number"
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        const n = numberFrom(d.value);
        if (n !== undefined && accept(n)) onValue(n);
      }}
    />
  );
}

interface ChoiceFieldProps<K extends string> {
  label: string;
  value: K;
  /** Each choice and how it reads. */
  choices: Record<K, string>;
  onChoose(value: K): void;
}

function ChoiceField<K extends string>({ label, value, choices, onChoose }: ChoiceFieldProps<K>): React.JSX.Element {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChoose(d.value as K)}>
        {(Object.keys(choices) as K[]).map((k) => (
          <option key={k} value={k}>
            {choices[k]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ProfileEditor({ lang, profile, onChange }: ProfileEditorProps): React.JSX.Element {
  const t = PROFILE_STRINGS[lang];
  const styles = useStyles();
  return (
    <Accordion collapsible>
      <AccordionItem value="profile">
        <AccordionHeader>{t.heading}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <ChoiceField<CapPolicy>
            label={t.capRates}
            value={profile.capRates}
            choices={t.cap}
            onChoose={(capRates) => onChange({ ...profile, capRates })}
          />
          <Field label={t.totalWeight}>
            <NumberInput
              value={profile.totalWeight}
              accept={(n) => n > 0}
              onValue={(n) => onChange({ ...profile, totalWeight: n })}
            />
          </Field>
          <ChoiceField<ReverseScoring>
            label={t.reverseScoring}
            value={profile.reverseScoring}
            choices={t.reverse}
            onChoose={(reverseScoring) => onChange({ ...profile, reverseScoring })}
          />
          <Field label={t.gradeBands}>
            <div className={styles.bands}>
              {profile.gradeBands.map((band, i) => (
                <NumberInput
                  key={band.label}
                  className={styles.band}
                  aria-label={t.bandMin(band.label)}
                  contentBefore={band.label}
                  value={band.min}
                  accept={() => true}
                  onValue={(n) => {
                    const gradeBands = profile.gradeBands.map((b, j) => (j === i ? { ...b, min: n } : b));
                    onChange({ ...profile, gradeBands: [...gradeBands].sort((a, b) => b.min - a.min) });
                  }}
                />
              ))}
            </div>
          </Field>
          <div>
            <Button onClick={() => onChange(DEFAULT_PROFILE)}>{t.reset}</Button>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
