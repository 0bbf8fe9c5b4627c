/** Validate, live switch and Clear marks: the pane's three controls. */
import * as React from 'react';
import { Button, Spinner, Switch, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import type { UiStrings } from '../../host/ui-strings';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});

export interface ToolbarProps {
  strings: UiStrings;
  busy?: 'validating' | 'clearing';
  liveOn: boolean;
  liveAvailable: boolean;
  canMark: boolean;
  onValidate(): void;
  onLiveChange(on: boolean): void;
  onClearMarks(): void;
}

export function Toolbar(props: ToolbarProps): React.JSX.Element {
  const { strings: t, busy } = props;
  const styles = useStyles();
  const live = (
    <Switch
      label={t.live}
      checked={props.liveOn}
      disabled={!props.liveAvailable}
      onChange={(_, data) => props.onLiveChange(data.checked)}
    />
  );
  return (
    <div className={styles.bar} role="group" aria-label={t.title}>
      <Button
        appearance="primary"
        disabled={busy !== undefined}
        icon={busy === 'validating' ? <Spinner size="tiny" /> : undefined}
        onClick={props.onValidate}
      >
        {busy === 'validating' ? t.validating : t.validate}
      </Button>
      {props.liveAvailable ? (
        <Tooltip content={t.liveHint} relationship="description">
          {live}
        </Tooltip>
      ) : (
        live
      )}
      {props.canMark && (
        <Button appearance="secondary" disabled={busy !== undefined} onClick={props.onClearMarks}>
          {busy === 'clearing' ? t.clearing : t.clearMarks}
        </Button>
      )}
    </div>
  );
}
