#!/usr/bin/python3
"""Make the Word and Excel fixtures of tests/data/formats/office/ from the
bundled plan (examples/shenyang-2026.txt). Run by hand (never by tests):

    python3 tests/data/formats/make-office.py

seed-autonum.docx  WordprocessingML written here: every numbered line of the
                   plan is a list paragraph whose number is NOT in the text.
                   numbering.xml: tasks decimal "%1." (one list, 1..178 across
                   chapters), chapters chineseCounting "%1、", sections
                   chineseCounting "（%1）" with one w:num per chapter whose
                   w:startOverride restarts them at （一）. (Separate lists, not
                   levels of one: LibreOffice ignores w:lvlRestart 0, so a
                   three-level list prints other numbers there than in Word.)
seed-table.xlsx    written with python3-openpyxl (a spreadsheet library): a
                   merged title row, the header 序号|重点任务|牵头单位|责任单位,
                   a merged row per chapter and section, one row per task
                   with the unit lists exactly as printed in the plan.
seed-headers.docx  the same with a running title in the page header and
                   "— N —" page numbers in the footer (for seed-headers.pdf).
All give the plan's 466 concrete links (tests/cli/test_formats.c).

With --sources DIR it also writes the inputs that make-office-converted.sh
hands to pandoc, LibreOffice and Chromium: seed.md (tasks as a markdown
ordered list, so pandoc numbers them itself), seed-table.csv and
seed-table.html (the plan as a task table)."""
import re, sys, zipfile, os
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(ROOT, '..', '..', '..', 'examples', 'shenyang-2026.txt')
OUT = os.path.join(ROOT, 'office')

TASK = re.compile(r'^\s*(\d+)\.(?!\d)(.*)$')
CHAPTER = re.compile(r'^\s*([一二三四五六七八九十]+)、(.*)$')
SECTION = re.compile(r'^\s*[（(]([一二三四五六七八九十]+)[)）](.*)$')
LEAD = re.compile(r'^\s*牵头单位[:：](.*)$')
SUPPORT = re.compile(r'^\s*责任单位[:：](.*)$')

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

def para(text, num=None, ilvl=0):
    ppr = ''
    if num is not None:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

def docx(lines, path, headers=False):
    body = []
    chapters = 0
    for l in lines:
        if not l.strip():
            continue
        m = TASK.match(l)
        if m:
            body.append(para(m.group(2), 1)); continue
        m = CHAPTER.match(l)
        if m:
            chapters += 1
            body.append(para(m.group(2), 2)); continue
        m = SECTION.match(l)
        if m:
            body.append(para(m.group(2).strip(), 2 + chapters)); continue
        body.append(para(l.strip()))
    R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    sect = '<w:sectPr/>'
    if headers:  # a running title and a page number field, as offices print them
        sect = (f'<w:sectPr xmlns:r="{R}"><w:headerReference w:type="default" r:id="rIdH"/>'
                '<w:footerReference w:type="default" r:id="rIdF"/>'
                '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
                'w:left="1440" w:header="720" w:footer="720"/></w:sectPr>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
           f'<w:body>{"".join(body)}{sect}</w:body></w:document>')
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                 + ''.join(f'<w:num w:numId="{3 + c}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' for c in range(1, chapters + 1))
                 + '</w:numbering>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
             + ('<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
                if headers else '') +
             '</Relationships>')
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}">'
              '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>2026年政府工作报告重点工作分工方案</w:t></w:r></w:p></w:hdr>')
    footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}">'
              '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>'
              '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
              '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        parts = [('[Content_Types].xml', ct), ('_rels/.rels', rels), ('word/document.xml', doc),
                 ('word/_rels/document.xml.rels', drels), ('word/numbering.xml', numbering)]
        if headers:
            parts += [('word/header1.xml', header), ('word/footer1.xml', footer)]
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)

def tasks(lines):
    """(kind, number, text, lead, support) in plan order; unit lists as printed."""
    out, cur = [], None
    for l in lines:
        if not l.strip():
            continue
        m = TASK.match(l)
        if m:
            cur = ['task', m.group(1), m.group(2).strip(), '', '']
            out.append(cur); continue
        m = CHAPTER.match(l)
        if m and out:
            out.append(['chapter', m.group(1), l.strip(), '', '']); cur = None; continue
        if m and not out:
            out.append(['chapter', m.group(1), l.strip(), '', '']); continue
        m = SECTION.match(l)
        if m:
            out.append(['section', m.group(1), l.strip(), '', '']); cur = None; continue
        m = LEAD.match(l)
        if m and cur:
            cur[3] = m.group(1).strip(); continue
        m = SUPPORT.match(l)
        if m and cur:
            cur[4] = m.group(1).strip(); continue
    return out

def xlsx(lines, path):
    import openpyxl
    from openpyxl.styles import Alignment
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '任务分工'
    ws.append(['2026年政府工作报告重点工作分工方案'])
    ws.merge_cells('A1:D1')
    ws.append(['序号', '重点任务', '牵头单位', '责任单位'])
    for kind, num, text, lead, sup in tasks(lines):
        if kind == 'task':
            ws.append([int(num), text, lead, sup])
        else:
            ws.append([text])
            r = ws.max_row
            ws.merge_cells(f'A{r}:D{r}')
    for row in ws.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical='center')
    ws.column_dimensions['B'].width = 60
    notes = wb.create_sheet('说明')
    notes.append(['本表由市政府办公厅整理。'])
    wb.properties.created = __import__('datetime').datetime(2000, 1, 1)
    wb.properties.modified = wb.properties.created
    wb.save(path)

def sources(lines, d):
    import csv, html
    os.makedirs(d, exist_ok=True)
    md, intask = [], False
    for l in lines:
        t = l.strip()
        if not t:
            continue
        m = TASK.match(l)
        if m:
            md.append(f'{m.group(1)}. {m.group(2).strip()}\n'); intask = True; continue
        if intask and (LEAD.match(t) or SUPPORT.match(t)):
            md.append(f'    {t}\n'); continue
        intask = False
        md.append(t.replace('[', '\\[').replace(']', '\\]').replace('>', '\\>') + '\n')
    open(os.path.join(d, 'seed.md'), 'w', encoding='utf-8').write('\n'.join(md))
    rows = [['序号', '重点任务', '牵头单位', '责任单位']]
    for kind, num, text, lead, sup in tasks(lines):
        rows.append([num, text, lead, sup] if kind == 'task' else [text, '', '', ''])
    with open(os.path.join(d, 'seed-table.csv'), 'w', newline='', encoding='utf-8') as f:
        csv.writer(f).writerows(rows)
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>2026年政府工作报告重点工作分工方案</title>'
           '<style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2px 4px}</style>'
           '</head><body><h3>2026年政府工作报告重点工作分工方案</h3><table>',
           '<tr>' + ''.join(f'<th>{html.escape(c)}</th>' for c in rows[0]) + '</tr>']
    for r in rows[1:]:
        if not r[1]:
            out.append(f'<tr><td colspan="4">{html.escape(r[0])}</td></tr>')
        else:
            out.append('<tr>' + ''.join(f'<td>{html.escape(c)}</td>' for c in r) + '</tr>')
    out.append('</table></body></html>')
    open(os.path.join(d, 'seed-table.html'), 'w', encoding='utf-8').write('\n'.join(out))

if __name__ == '__main__':
    lines = open(SEED, encoding='utf-8').read().split('\n')
    if len(sys.argv) == 3 and sys.argv[1] == '--sources':
        sources(lines, sys.argv[2])
        sys.exit(0)
    os.makedirs(OUT, exist_ok=True)
    docx(lines, os.path.join(OUT, 'seed-autonum.docx'))
    docx(lines, os.path.join(OUT, 'seed-headers.docx'), headers=True)
    xlsx(lines, os.path.join(OUT, 'seed-table.xlsx'))
