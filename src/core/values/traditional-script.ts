/**
 * Traditional characters and their simplified forms, for the words a
 * self-evaluation table is read by (docs/domain.md §2 N): a converted or mirrored copy
 * (Hong Kong, Taiwan or a browser's conversion) prints 預算數 / 執行率 /
 * 合計 / 總分 / 權重 where the vocabulary says 预算数 / 执行率 / 合计 / 总分 /
 * 权重. One table for all words, so a header, a row label, a grade or a unit
 * folds alike.
 *
 * Only one-to-one characters are listed: a traditional character that stands
 * for several simplified ones in ordinary text (乾, 著, 麼, 藉 …) is left out,
 * since no header word needs it and a wrong fold could change a label.
 */
/** Pairs of traditional → simplified, by the words they occur in (headers, labels, units, grades). */
const PAIRS = [
  '預预 數数 執执 實实 際际 權权 總总 計计 績绩 評评 價价 級级 標标 準准 額额 調调 後后 結结 轉转 餘余 當当 決决 撥拨 費费',
  '資资 財财 來来 項项 專专 門门 經经 濟济 質质 時时 態态 滿满 產产 會会 環环 續续 響响 說说 備备 註注 達达 於于 內内 過过',
  '減减 補补 貼贴 區区 縣县 務务 運运 營营 為为 體体 發发 動动 關关 傳传 統统 員员 農农 業业 設设 維维 護护 場场 處处 種种',
  '類类 點点 開开 辦办 積积 極极 長长 間间 題题 問问 確确 蓋盖 廣广 療疗 醫医 藥药 學学 師师 導导 課课 訓训 練练 職职 責责',
  '優优 個个 萬万 億亿 規规 範范 進进 現现 狀状 況况 與与 對对 應应 據据 檢检 測测 驗验 劃划 畫画 佔占 並并 則则 單单 歸归',
  '屬属 審审 議议 訂订 購购 買买 採采 幣币 報报 節节 構构 戶户 輸输 網网 絡络 線线 車车 鐵铁 橋桥 園园 書书 館馆 圖图 藝艺',
  '術术 視视 聽听 讀读 寫写 語语 參参 訪访 證证 屆届 歲岁 養养 殘残 災灾 險险 齡龄 衛卫 氣气 綠绿 電电 燈灯 機机 臺台 隊队',
  '軍军 陣阵 鄉乡 鎮镇 邊边 黨党 團团 婦妇 兒儿 別别 勵励 獎奖 懲惩 違违 罰罚 稅税 錢钱 貨货 銷销 賬账 帳帐',
].join(' ');

const SIMPLIFIED_OF = new Map<string, string>(PAIRS.split(' ').map((pair) => [pair.charAt(0), pair.charAt(1)]));

/** The characters to fold, for a quick test before folding anything. */
export const TRADITIONAL_CHARACTERS = [...SIMPLIFIED_OF.keys()].join('');

/** The simplified form of one character, or the character itself. */
export function simplifiedChar(ch: string): string {
  return SIMPLIFIED_OF.get(ch) ?? ch;
}
