/**
 * The page's top bar: title and privacy note, open files, the batch actions
 * (下载全部标记副本, 导出汇总表, 打印报告), the language and the profile.
 */
import * as React from 'react';
import { Button, Spinner, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, Profile } from '../core';
import { ProfileEditor } from '../taskpane/components/ProfileEditor';
import { UI_STRINGS } from '../host/ui-strings';
import { WEB_STRINGS } from './web-strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  privacy: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0, flexBasis: '100%' },
  grow: { flexGrow: 1 },
  group: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
  profile: { minWidth: '220px' },
});

export interface DeskHeaderProps {
  lang: Lang;
  onLang(lang: Lang): void;
  profile: Profile;
  onProfile(profile: Profile): void;
  /** The hidden file input, shared with the drop zone's button. */
  input: React.RefObject<HTMLInputElement>;
  onOpen(list: FileList): void;
  canExport: boolean;
  canZip: boolean;
  busy?: 'copy' | 'zip' | 'summary';
  zipProgress?: { done: number; total: number };
  onDownloadAll(): void;
  onExportSummary(): void;
}

export function DeskHeader(props: DeskHeaderProps): React.JSX.Element {
  const styles = useStyles();
  const { lang } = props;
  const w = WEB_STRINGS[lang];
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>{UI_STRINGS[lang].title}</h1>
      <Button appearance="primary" onClick={() => props.input.current?.click()}>
        {w.openFiles}
      </Button>
      <input
        ref={props.input}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        onChange={(e) => {
          if (e.target.files) props.onOpen(e.target.files);
          e.target.value = '';
        }}
      />
      <div className={styles.group}>
        <Button onClick={props.onDownloadAll} disabled={!props.canZip || props.busy !== undefined}>
          {w.downloadAll}
        </Button>
        <Button onClick={props.onExportSummary} disabled={!props.canExport || props.busy !== undefined}>
          {w.exportSummary}
        </Button>
        <Button onClick={() => window.print()} disabled={!props.canExport}>
          {w.print}
        </Button>
        {props.zipProgress && (
          <Spinner size="tiny" label={w.zipping(props.zipProgress.done, props.zipProgress.total)} data-testid="zip-progress" />
        )}
      </div>
      <span className={styles.grow} />
      <div className={styles.profile}>
        <ProfileEditor lang={lang} profile={props.profile} onChange={props.onProfile} />
      </div>
      <div className={styles.group} role="group" aria-label={w.language}>
        <ToggleButton size="small" checked={lang === 'zh-CN'} onClick={() => props.onLang('zh-CN')} lang="zh-CN">
          中文
        </ToggleButton>
        <ToggleButton size="small" checked={lang === 'en-US'} onClick={() => props.onLang('en-US')} lang="en-US">
          English
        </ToggleButton>
      </div>
      <p className={styles.privacy} data-testid="privacy">
        {w.privacy}
      </p>
    </header>
  );
}
