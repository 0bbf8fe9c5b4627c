/**
 * Test workbooks built in code, so every expected value below can be read
 * off the builder: a small self-evaluation form holding everything a marked
 * copy must keep (a chart, an image, a defined name, data validation, a
 * conditional format, a user's note, merges, widths).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A 1×1 red PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export const USER_NOTE = '请核对：此处分值来自去年的表';

/**
 * Sheet 自评表:
 *   A1:E1 merged title; row 2 headers 一级指标 分值 二级指标 分值 得分;
 *   rows 3–6 indicators; D5 and D6 share one style (bold, thin border, 0.00);
 *   E7 = SUM(E3:E6); B3 carries USER_NOTE; C3:C4 merged.
 * Sheet 说明: one text cell, never marked.
 */
export async function buildFormWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 20 }, { width: 8 }, { width: 10 }];
  ws.getCell('A1').value = '部门整体支出绩效自评表';
  ws.mergeCells('A1:E1');
  ws.getRow(2).values = ['一级指标', '分值', '二级指标', '分值', '得分'];
  ws.getRow(3).values = ['产出指标', 50, '数量指标', 20, 18];
  ws.getRow(4).values = [null, null, null, 10, 10];
  ws.getRow(5).values = ['效益指标', 30, '社会效益', 17, 15];
  ws.getRow(6).values = ['满意度', 20, '满意度', 20, 19];
  ws.mergeCells('C3:C4');
  ws.getCell('E7').value = { formula: 'SUM(E3:E6)', result: 62 };
  const shared: Partial<ExcelJS.Style> = {
    font: { bold: true, name: '宋体', size: 11 },
    border: { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } },
    numFmt: '0.00',
  };
  ws.getCell('D5').style = { ...shared };
  ws.getCell('D6').style = { ...shared };
  ws.getCell('B3').note = USER_NOTE;
  ws.getCell('E3').dataValidation = {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
  };
  ws.addConditionalFormatting({
    ref: 'E3:E6',
    rules: [
      { type: 'cellIs', operator: 'lessThan', formulae: [0], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } },
    ],
  });
  wb.definedNames.add("'自评表'!$E$3:$E$6", 'Scores');
  const image = wb.addImage({ buffer: PNG_1X1 as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'G2:H4');
  const other = wb.addWorksheet('说明');
  other.getCell('A1').value = '填表说明';
  return wb;
}

const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/>' +
  '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>' +
  '<c:val><c:numRef><c:f>\'自评表\'!$E$3:$E$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>' +
  '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
  '</c:plotArea></c:chart></c:chartSpace>';

const CHART_ANCHOR =
  '<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
  '<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart1"/>' +
  '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';

/**
 * exceljs cannot write charts: add one by hand to the image's drawing part,
 * the way Excel stores it (chart part + drawing rel + content type).
 */
export async function addChart(xlsx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
  zip.file('xl/drawings/drawing1.xml', drawing.replace('</xdr:wsDr>', `${CHART_ANCHOR}</xdr:wsDr>`));
  const rels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    ),
  );
  zip.file('xl/charts/chart1.xml', CHART_XML);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  // A part no library knows about, as add-ins and WPS leave behind.
  zip.file('customXml/item1.xml', '<scorecheck-test>keep me</scorecheck-test>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function buildRichXlsx(): Promise<Uint8Array> {
  const wb = await buildFormWorkbook();
  const plain = new Uint8Array(await wb.xlsx.writeBuffer());
  return addChart(plain);
}

/** Every part of a package, inflated. */
export async function unzipParts(xlsx: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) out.set(name, await file.async('nodebuffer'));
  }
  return out;
}

/**
 * Moves a sheet's notes to where openpyxl writes them (`xl/comments/comment1.xml`,
 * absolute targets) — the layout exceljs 4.4 crashes on (issue #2797).
 */
export async function moveNotesLikeOpenpyxl(xlsx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const comments = await zip.file('xl/comments1.xml')!.async('string');
  zip.remove('xl/comments1.xml');
  zip.file('xl/comments/comment1.xml', comments);
  const vml = await zip.file('xl/drawings/vmlDrawing1.vml')!.async('string');
  zip.remove('xl/drawings/vmlDrawing1.vml');
  zip.file('xl/drawings/commentsDrawing1.vml', vml);
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  zip.file(
    relsPath,
    rels
      .replace('Target="../comments1.xml"', 'Target="/xl/comments/comment1.xml"')
      .replace('Target="../drawings/vmlDrawing1.vml"', 'Target="/xl/drawings/commentsDrawing1.vml"'),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('PartName="/xl/comments1.xml"', 'PartName="/xl/comments/comment1.xml"'));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
