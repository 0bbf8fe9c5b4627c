/**
 * Numbers in layout B's narrative column (指标实际完成值及相关说明), as a table:
 * sentence → every number it holds, in reading order, as
 * `source: op value unit /decimals` (value in base units; `[name]` when the
 * number is part of a name). Years, dates, ordinals and formulas yield nothing.
 */
import { numbersInNarrative, type NarrativeNumber } from '../../src/core/values/narrative-numbers';

function show(n: NarrativeNumber): string {
  return `${n.source}: ${n.op} ${n.value.toString()} ${n.unit || '-'} /${n.decimals}${n.partOfName ? ' [name]' : ''}`;
}

/** Every narrative sentence in the fixtures. */
const fixtureNarratives: Array<readonly [string, string[]]> = [
  ['2022年，区政务服务中心正常运营，服务人次89460人次。', ['89460人次: eq 89460 人次 /0']],
  ['截至2022年底，区政务服务中心服务事项数为956项。', ['956项: eq 956 项 /0']],
  ['2022年全年，琶洲分中心正常运营，服务21816人次。', ['21816人次: eq 21816 人次 /0']],
  [
    '2022年全年跟进了奇安信、中核集团、南方传媒文化广场等位于琶洲人工智能与数字经济试验区重点项目及重点企业的审批服务，对重点项目建设进度跟进率达100%。',
    ['达100%: eq 1 % /0'],
  ],
  ['2022年全年走访了10家琶洲的重点企业。', ['10家: eq 10 家 /0']],
  ['无失效链接，网站不能正常访问链接数量低于5%。', ['低于5%: lt 0.05 % /0']],
  ['完成景区事件、景区人员、景区部件、景区安防、景区视频、智慧经济、智慧党建等 10 个专题场景建设。', ['10个: eq 10 个 /0']],
  [
    '平台通过视频智能分析技术,实现城市管理“六乱”、景区赤裸上身、骑坐栏杆、占道非法经营、乱堆放物料、暴露垃圾、乱拉挂等 24 类事件智能算法识别。',
    ['24类: eq 24 类 /0'],
  ],
  ['平台对接景区视频覆盖 197 路,智能监控总数 118 路。', ['197路: eq 197 路 /0', '118路: eq 118 路 /0']],
  ['已实现总出口带宽 2200M', ['2200M: eq 2200 M /0']],
  ['完成新一期政务网建设,开通点位 551 个', ['551个: eq 551 个 /0']],
  ['OA 系统全年收发文总数 74.2 万份', ['74.2万份: eq 742000 份 /1']],
  [
    '2022 年立项申报 127 个项目,评审通过 116 个,通过率 91.3%。',
    ['127个: eq 127 个 /0', '116个: eq 116 个 /0', '91.3%: eq 0.913 % /1'],
  ],
  ['已在 2022 年 5 月 30 日完成编制,并提交区政府审议。', []],
  ['2022 年全年为琶洲的 10 家企业开展审批辅导。', ['10家: eq 10 家 /0']],
  ['败诉率 0%。', ['0%: eq 0 % /0']],
  ['2022 年全年主干网络畅通率 ≥90%', ['≥90%: ge 0.9 % /0']],
  ['2022 年全年区审批系统故障响应率达到 100%', ['达到100%: eq 1 % /0']],
  [
    '2022 年全年市区街政务服务数据同步上传率达到 100%（已同步数据上传数量/应同步上传数据数量*100%）',
    ['达到100%: eq 1 % /0'], // the 100% inside the formula is not a value
  ],
];

/** Dates, numbering and names: what is skipped and what is marked. */
const edgeCases: Array<readonly [string, string[]]> = [
  ['2021年1-12月，共受理8万件。', ['8万件: eq 80000 件 /0']],
  ['2021-2022年度累计服务3.6万人次', ['3.6万人次: eq 36000 人次 /1']],
  ['于2022-05-30上线，9:30开放', []],
  ['于2022/5/30完成', []],
  ['2022.5.30完成验收，得分2022.5分', ['2022.5分: eq 2022.5 分 /1']],
  ['排名第3，得分95分', ['95分: eq 95 分 /0']],
  ['1、完成培训12场；2、出版手册1000册', ['12场: eq 12 场 /0', '1000册: eq 1000 册 /0']],
  ['（1）基本支出50万元', ['50万元: eq 500000 元 /0']],
  ['依据财预〔2020〕10号文', []],
  ['12345热线接通率达到95%', ['12345: eq 12345 - /0 [name]', '达到95%: eq 0.95 % /0']],
  ['完成IPv6改造3项', ['6: eq 6 - /0 [name]', '3项: eq 3 项 /0']],
  ['建成5G基站20个', ['5G: eq 5 G /0 [name]', '20个: eq 20 个 /0']],
  ['发放补贴65,240,247.04元', ['65,240,247.04元: eq 65240247.04 元 /2']],
  ['分别为197，118路', ['197: eq 197 - /0', '118路: eq 118 路 /0']],
  ['覆盖18条街道和27个政府部门', ['18条: eq 18 条 /0', '27个: eq 27 个 /0']],
  ['累计10多家企业入驻，不超过3天办结', ['10多家: ge 10 家 /0', '不超过3天: le 3 天 /0']],
  ['服务1.1亿条数据', ['1.1亿条: eq 110000000 条 /1']],
  ['完成率87.93％', ['87.93%: eq 0.8793 % /2']],
  ['正常对外服务天数/全年工作日*100%', []],
  ['《海珠区 12345 政务服务便民热线 2021 年度大数据分析报告》', ['12345: eq 12345 - /0 [name]']],
  [
    '广州塔景区智能化管理平台完成建设并通过验收，建成10个专题场景，实现24类事件智能算法识别，对接景区视频197路；“数字海珠一张图”汇聚人口、楼宇、房屋、视频资源、城市部件等13个大类、109个小类、近467.2万条数据。',
    [
      '10个: eq 10 个 /0',
      '24类: eq 24 类 /0',
      '197路: eq 197 路 /0',
      '13个: eq 13 个 /0',
      '109个: eq 109 个 /0',
      '467.2万条: eq 4672000 条 /1',
    ],
  ],
  ['', []],
  ['已完成', []],
];

describe.each([
  ['fixture narratives', fixtureNarratives],
  ['edge cases', edgeCases],
])('numbersInNarrative: %s', (_name, rows) => {
  it.each(rows)('%s', (sentence, expected) => {
    expect(numbersInNarrative(sentence).map(show)).toEqual(expected);
  });
});

describe('numbersInNarrative details', () => {
  it('gives the precision of each number in base units', () => {
    const [count, rate] = numbersInNarrative('OA 系统全年收发文总数 74.2 万份，通过率 91.3%').map((n) => ({
      step: n.step.toString(),
      scale: n.scale,
      percent: n.percent,
      fromText: n.fromText,
    }));
    expect(count).toEqual({ step: '1000', scale: 1e4, percent: false, fromText: true });
    expect(rate).toEqual({ step: '0.001', scale: 1, percent: true, fromText: true });
  });
});
