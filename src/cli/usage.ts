/**
 * `scorecheck --help`, in the user's language, with every rule and where it
 * is explained (docs/rules/<id>.md).
 */
import { RULE_DOCS, type Lang, type LocalizedText } from '../core';

function ruleLines(lang: Lang): string {
  const width = Math.max(...RULE_DOCS.map((r) => r.id.length));
  return RULE_DOCS.map((r) => `  ${r.id.padEnd(width)}  ${r.description[lang]}  ${r.url}`).join('\n');
}

const ZH = `用法：scorecheck check <文件或文件夹…> [选项]
      scorecheck --help | --version

检查绩效自评表工作簿（.xlsx）中的计算错误：合计、比率、得分、等级。

  <文件或文件夹…>      要检查的工作簿；文件夹会递归查找 .xlsx/.xlsm
                       （跳过 Excel 锁定文件 ~$… 和之前生成的标注副本 *.checked.xlsx；
                       .xls 文件会报告为无法读取）
  --json               在标准输出打印机器可读的报告（版本 1），不打印其他内容
  --quiet, -q          只显示错误（不显示警告和提示）
  --annotate 文件夹     为每个有问题的工作簿写出标注副本 <文件夹>/<名称>.checked.xlsx
                       （单元格加底色和批注；不会覆盖已有文件，重名时加 -1、-2 …）
  --report 汇总.xlsx    写出汇总表：每个文件一行，另一张表列出全部问题（可筛选）；
                       以 .csv 结尾时只写问题清单（UTF-8 带 BOM，Excel 可直接打开）
  --profile 文件.json   规则配置：capRates、gradeBands、totalWeight、reverseScoring、scoreTolerance
  --lang 语言           zh-CN 或 en-US（默认取自 LANG 环境变量，否则为 zh-CN）

退出状态：0 未发现错误；1 有“错误”级别的问题；
          2 有文件无法读取、未识别到绩效自评表、标注副本未能写出，或用法有误。

规则（说明见各规则的文档）：
${ruleLines('zh-CN')}
`;

const EN = `Usage: scorecheck check <files|folders…> [options]
       scorecheck --help | --version

Checks 绩效自评表 workbooks (.xlsx) for arithmetic slips: sums, rates, scores, grades.

  <files|folders…>     workbooks to check; folders are searched recursively for .xlsx/.xlsm
                       (Excel lock files ~$… and earlier marked copies *.checked.xlsx are skipped;
                       .xls files found there are reported as unusable)
  --json               print the machine-readable report (version 1) on stdout, nothing else
  --quiet, -q          errors only (no warnings, no notes)
  --annotate DIR       write a marked copy <DIR>/<name>.checked.xlsx of every workbook with findings
                       (fills and notes on the cells; an existing file is never overwritten: -1, -2 … are added)
  --report FILE.xlsx   write a summary workbook: one row per file, and every finding on a filterable sheet;
                       a name ending in .csv writes the findings as UTF-8 CSV with a BOM (Excel opens it)
  --profile FILE       a JSON profile: capRates, gradeBands, totalWeight, reverseScoring, scoreTolerance
  --lang LANG          zh-CN or en-US (default: from LANG, else zh-CN)

Exit status: 0 no errors found; 1 findings of severity error;
             2 a file could not be read, held no self-evaluation table or its marked copy could not
               be written, or bad usage.

Rules (each explained in its doc page):
${ruleLines('en-US')}
`;

export function usage(lang: Lang): string {
  return lang === 'zh-CN' ? ZH : EN;
}

/** The one line a usage error gets, pointing at --help. */
export function usageErrorLine(message: LocalizedText, lang: Lang): string {
  return lang === 'zh-CN'
    ? `scorecheck：${message['zh-CN']}（用法见 scorecheck --help）\n`
    : `scorecheck: ${message['en-US']} (see scorecheck --help)\n`;
}
