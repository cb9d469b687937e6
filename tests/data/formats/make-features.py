#!/usr/bin/python3
"""Write the small feature fixtures of tests/data/formats/office/ (run by
hand, never by tests). Each exercises reading rules whose expected output
tests/cli/test_formats.c states exactly:

features.docx   automatic numbers from numbering.xml (decimalEnclosedCircle
                with w:startOverride 3: ③ ④; a style-based list; a
                three-level list "%1." / "%1.%2" whose deeper level restarts),
                (features-table.docx: a task table with a two-level header (责任单位 gridSpan over
                牵头单位 | 配合单位), a vMerge'd lead cell, a table nested in a
                cell) tracked changes (w:ins kept, w:del and w:moveFrom
                dropped), hidden text, a text box (mc:Choice read, fallback
                not), a footnote.
features.xlsx   two sheets (说明, 任务), shared strings with rich runs and a
                phonetic run, inline strings, a number id, a date cell, a
                merged title row, a merged chapter row, a vertical merge in the
                lead column, a hidden row and a hidden column.
traditional.docx  text/h2a-traditional.txt as paragraphs (OpenCC t2s applies).
broken/*        hostile and damaged inputs: see make_broken()."""
import os, zipfile, zlib, struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'office')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

def write_zip(path, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, 'w', method) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = method
            z.writestr(zi, data if isinstance(data, bytes) else data.encode())

def rels(items):
    return ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + ''.join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{x}"/>' for i, t, x in items)
            + '</Relationships>')

def ctypes(main, ct):
    return ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/{main}" ContentType="{ct}"/></Types>')

DOCX_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
XLSX_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'

def t(s):
    return f'<w:r><w:t xml:space="preserve">{s}</w:t></w:r>'

def p(s, num=None, ilvl=0, style=None):
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{s}</w:p>'

def tc(content, span=None, vmerge=None):
    pr = ''
    if span:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == 'restart':
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge:
        pr += '<w:vMerge/>'
    return f'<w:tc>{"<w:tcPr>" + pr + "</w:tcPr>" if pr else ""}{content}</w:tc>'

def features_docx(path, table):
    body = [
        p(t('市政府办公室关于印发重点工作分工方案的通知')),
        p(t('一、深化改革'), None),
        # a three-level list: "%1." tasks, "%1.%2" sub-items restart under each task
        p(t('推进国资国企改革。'), 1, 0),
        p(t('牵头单位：市国资委')),
        p(t('完善法人治理结构。'), 1, 1),
        p(t('推进要素市场化配置。'), 1, 0),
        p(t('牵头单位：市发展改革委') + '<w:r><w:br/></w:r>' + t('责任单位：市自然资源局、数据局')),
        p(t('优化土地要素配置。'), 1, 1),
        # tracked changes and hidden text
        p(t('推进营商环境改革') + '<w:ins w:id="1" w:author="a"><w:r><w:t>攻坚</w:t></w:r></w:ins>'
          + '<w:del w:id="2" w:author="a"><w:r><w:delText>旧任务</w:delText></w:r></w:del>' + t('。'), 1, 0),
        p(t('牵头单位：市营商局') + '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>、市公安局</w:t></w:r></w:moveFrom>'
          + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>、市财政局</w:t></w:r>'),
        # a footnote after a task
        p(t('二、扩大开放') + '<w:r><w:footnoteReference w:id="2"/></w:r>'),
        # circled numbers with a start override: ③ ④, through a paragraph style
        p(t('办好进博会沈阳交易团工作（市商务局牵头，市贸促会配合）。'), style='Circled'),
        p(t('推进自贸试验区建设（市商务局牵头，市发展改革委、市场监管局按职责分工负责）。'), style='Circled'),
        # a text box (mc:Choice) with its VML fallback
        p('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
          + p(t('说明：表内排在第一位的为牵头单位。')) +
          '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>'
          + p(t('说明：表内排在第一位的为牵头单位。')) + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'),
    ]
    if table:
        body = [p(t('附件：重点任务分工表')),
        '<w:tbl>'
        '<w:tr>' + tc(p(t('序号')), vmerge='restart') + tc(p(t('重点任务')), vmerge='restart')
        + tc(p(t('责任单位')), span=2) + '</w:tr>'
        '<w:tr>' + tc(p(''), vmerge='continue') + tc(p(''), vmerge='continue')
        + tc(p(t('牵头单位'))) + tc(p(t('配合单位'))) + '</w:tr>'
        '<w:tr>' + tc(p('', 3)) + tc(p(t('建设数字政府。'))) + tc(p(t('市数据局')), vmerge='restart')
        + tc(p(t('市财政局')) + '<w:tbl><w:tr>' + tc(p(t('市委网信办'))) + '</w:tr></w:tbl>') + '</w:tr>'
        '<w:tr>' + tc(p('', 3)) + tc(p(t('推进一网通办。'))) + tc(p(''), vmerge='continue')
        + tc(p(t('市营商局'))) + '</w:tr>'
        '</w:tbl>']
    body.append('<w:sectPr/>')
    doc = f'<?xml version="1.0"?><w:document {W} {MC}><w:body>{"".join(body)}</w:body></w:document>'
    numbering = (f'<?xml version="1.0"?><w:numbering {W}>'
                 '<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
                 '</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>'
                 '</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="2">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
                 '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
                 '</w:numbering>')
    styles = (f'<?xml version="1.0"?><w:styles {W}>'
              '<w:style w:type="paragraph" w:styleId="Circled"><w:basedOn w:val="CircledBase"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="CircledBase"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
              '</w:styles>')
    foot = (f'<?xml version="1.0"?><w:footnotes {W}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
            '<w:footnote w:id="2">' + p(t('本部分任务由市商务局统筹。')) + '</w:footnote></w:footnotes>')
    write_zip(path, [('[Content_Types].xml', ctypes('word/document.xml', DOCX_CT)),
                     ('_rels/.rels', rels([('rId1', 'officeDocument', 'word/document.xml')])),
                     ('word/document.xml', doc),
                     ('word/_rels/document.xml.rels', rels([('rId1', 'numbering', 'numbering.xml'),
                                                            ('rId2', 'styles', 'styles.xml'),
                                                            ('rId3', 'footnotes', 'footnotes.xml')])),
                     ('word/numbering.xml', numbering), ('word/styles.xml', styles),
                     ('word/footnotes.xml', foot)])

HIDDEN = ' state="hidden"'
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

def xlsx_package(path, sheets, shared, styles, extra=()):
    wb = (f'<?xml version="1.0"?><workbook {NS} xmlns:r="{REL}"><sheets>'
          + ''.join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"{HIDDEN if h else ""}/>'
                    for i, (n, h, _) in enumerate(sheets)) + '</sheets></workbook>')
    wrels = rels([(f'rId{i + 1}', 'worksheet', f'worksheets/sheet{i + 1}.xml') for i in range(len(sheets))]
                 + [('rIdS', 'sharedStrings', 'sharedStrings.xml'), ('rIdT', 'styles', 'styles.xml')])
    parts = [('[Content_Types].xml', ctypes('xl/workbook.xml', XLSX_CT)),
             ('_rels/.rels', rels([('rId1', 'officeDocument', 'xl/workbook.xml')])),
             ('xl/workbook.xml', wb), ('xl/_rels/workbook.xml.rels', wrels),
             ('xl/sharedStrings.xml', f'<?xml version="1.0"?><sst {NS}>{shared}</sst>'),
             ('xl/styles.xml', f'<?xml version="1.0"?><styleSheet {NS}>{styles}</styleSheet>')]
    parts += [(f'xl/worksheets/sheet{i + 1}.xml', f'<?xml version="1.0"?><worksheet {NS}>{x}</worksheet>')
              for i, (_, _, x) in enumerate(sheets)]
    write_zip(path, parts + list(extra))

def features_xlsx(path):
    shared = ('<si><t>序号</t></si><si><t>重点任务</t></si><si><t>牵头单位</t></si><si><t>责任单位</t></si>'
              '<si><r><t>推进</t></r><r><rPr><b/></rPr><t>国资国企改革。</t></r><rPh sb="0" eb="2"><t>すいしん</t></rPh></si>'
              '<si><t>市国资委</t></si><si><t>完成时限</t></si><si><t>本表供参考，无任务。</t></si>')
    styles = ('<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176"/></cellXfs>')
    notes = '<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>'
    tasks = ('<cols><col min="5" max="5" width="0" hidden="1"/></cols><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>2026年重点工作任务分工表</t></is></c></row>'
             '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>'
             '<c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>6</v></c></row>'
             '<row r="3"><c r="A3" t="inlineStr"><is><t>一、深化改革</t></is></c></row>'
             '<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" t="s"><v>5</v></c>'
             '<c r="D4" t="inlineStr"><is><t>市财政局</t></is></c><c r="E4" s="1"><v>46203</v></c></row>'
             '<row r="5" hidden="1"><c r="A5"><v>2</v></c><c r="B5" t="inlineStr"><is><t>完善国资监管体制。</t></is></c>'
             '<c r="D5" t="inlineStr"><is><t>市审计局</t></is></c></row>'
             '<row r="6"><c r="A6" t="inlineStr"><is><t>二、扩大开放</t></is></c></row>'
             '<row r="7"><c r="A7"><v>3</v></c><c r="B7" t="inlineStr"><is><t>办好进博会沈阳交易团工作。</t></is></c>'
             '<c r="C7" t="inlineStr"><is><t>市商务局</t></is></c><c r="D7" t="inlineStr"><is><t>市贸促会</t></is></c></row>'
             '</sheetData><mergeCells count="4"><mergeCell ref="A1:E1"/><mergeCell ref="A3:E3"/>'
             '<mergeCell ref="C4:C5"/><mergeCell ref="A6:E6"/></mergeCells>')
    xlsx_package(path, [('说明', False, notes), ('任务', False, tasks)], shared, styles)

def make_broken(d):
    os.makedirs(d, exist_ok=True)
    good = open(os.path.join(OUT, 'features.docx'), 'rb').read()
    open(os.path.join(d, 'truncated.docx'), 'wb').write(good[:len(good) // 2])
    # a zip bomb: a 16 MiB part that inflates 1000 times
    with zipfile.ZipFile(os.path.join(d, 'bomb.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ctypes('word/document.xml', DOCX_CT))
        z.writestr('_rels/.rels', rels([('rId1', 'officeDocument', 'word/document.xml')]))
        z.writestr(zipfile.ZipInfo('word/document.xml'), b'<' + b' ' * (16 << 20) + b'/>',
                   compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    # a part whose headers claim 3 GiB (local header and central directory
    # agree): refused before anything is inflated
    buf = bytearray()
    import io
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, 'w', zipfile.ZIP_STORED) as z:
        z.writestr('[Content_Types].xml', ctypes('word/document.xml', DOCX_CT))
        z.writestr('_rels/.rels', rels([('rId1', 'officeDocument', 'word/document.xml')]))
        z.writestr('word/document.xml', b'<w:document/>')
    buf = bytearray(bio.getvalue())
    name = b'word/document.xml'
    lh = buf.find(b'PK\x03\x04' + buf[4:4])  # first local header
    for sig, off in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
        i = 0
        while (i := buf.find(sig, i)) >= 0:
            nl = struct.unpack_from('<H', buf, i + (26 if sig == b'PK\x03\x04' else 28))[0]
            start = i + (30 if sig == b'PK\x03\x04' else 46)
            if buf[start:start + nl] == name:
                struct.pack_into('<I', buf, i + off, 3 << 30)
            i += 4
    open(os.path.join(d, 'huge-part.docx'), 'wb').write(bytes(buf))
    # a package without its main part
    write_zip(os.path.join(d, 'missing-part.docx'),
              [('[Content_Types].xml', ctypes('word/document.xml', DOCX_CT)),
               ('_rels/.rels', rels([('rId1', 'officeDocument', 'word/document.xml')]))])
    # malformed XML
    write_zip(os.path.join(d, 'malformed.xlsx'),
              [('[Content_Types].xml', ctypes('xl/workbook.xml', XLSX_CT)),
               ('_rels/.rels', rels([('rId1', 'officeDocument', 'xl/workbook.xml')])),
               ('xl/workbook.xml', f'<workbook {NS}><sheets><sheet name="a"')])
    # an external entity: never loaded (a DOCTYPE is refused)
    write_zip(os.path.join(d, 'xxe.docx'),
              [('[Content_Types].xml', ctypes('word/document.xml', DOCX_CT)),
               ('_rels/.rels', rels([('rId1', 'officeDocument', 'word/document.xml')])),
               ('word/document.xml', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                f'<w:document {W}><w:body><w:p><w:r><w:t>1.&x;</w:t></w:r></w:p></w:body></w:document>')])
    # an encrypted package: an OLE2 compound file with EncryptionInfo and
    # EncryptedPackage streams (as Office writes a password-protected .docx)
    def ole2(names):
        head = b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 504
        dirs = b''
        for n in names:
            u = n.encode('utf-16-le') + b'\0\0'
            dirs += u + b'\0' * (64 - len(u)) + struct.pack('<H', len(u)) + b'\x02' + b'\0' * 61
        return head + dirs
    open(os.path.join(d, 'encrypted.docx'), 'wb').write(ole2(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))
    open(os.path.join(d, 'legacy.doc'), 'wb').write(ole2(['Root Entry', 'WordDocument', '1Table']))
    open(os.path.join(d, 'legacy.et'), 'wb').write(ole2(['Root Entry', 'Workbook']))
    # PDFs (python3-pikepdf): a scan (one page that is an image, no text)
    # and a PDF that needs a password to open; a truncated one
    import pikepdf
    pdf = pikepdf.new()
    img = pikepdf.Stream(pdf, b'\x80' * 64)
    img.Type, img.Subtype = pikepdf.Name('/XObject'), pikepdf.Name('/Image')
    img.Width, img.Height, img.BitsPerComponent = 8, 8, 8
    img.ColorSpace = pikepdf.Name('/DeviceGray')
    page = pikepdf.Dictionary(Type=pikepdf.Name('/Page'), MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=img)),
                              Contents=pikepdf.Stream(pdf, b'q 595 0 0 842 0 0 cm /Im0 Do Q'))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(os.path.join(d, 'scanned.pdf'), static_id=True)
    src = pikepdf.open(os.path.join(OUT, 'seed-libreoffice.pdf'))
    src.save(os.path.join(d, 'encrypted.pdf'), static_id=True,
             encryption=pikepdf.Encryption(user='secret', owner='secret', R=4))
    data = open(os.path.join(OUT, 'seed-libreoffice.pdf'), 'rb').read()
    open(os.path.join(d, 'truncated.pdf'), 'wb').write(data[:2000])

def traditional_docx(path):
    """tests/data/formats/text/h2a-traditional.txt, one paragraph a line."""
    lines = open(os.path.join(HERE, 'text', 'h2a-traditional.txt'), encoding='utf-8').read().splitlines()
    body = ''.join(p(t(l.replace('&', '&amp;').replace('<', '&lt;'))) for l in lines if l.strip())
    doc = f'<?xml version="1.0"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'
    write_zip(path, [('[Content_Types].xml', ctypes('word/document.xml', DOCX_CT)),
                     ('_rels/.rels', rels([('rId1', 'officeDocument', 'word/document.xml')])),
                     ('word/document.xml', doc)])

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    traditional_docx(os.path.join(OUT, 'traditional.docx'))
    features_docx(os.path.join(OUT, 'features.docx'), False)
    features_docx(os.path.join(OUT, 'features-table.docx'), True)
    features_xlsx(os.path.join(OUT, 'features.xlsx'))
    make_broken(os.path.join(HERE, '..', 'bad', 'office'))
