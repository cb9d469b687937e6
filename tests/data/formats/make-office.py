#!/usr/bin/python3
"""Make the Word and Excel fixtures of tests/data/formats/office/ from the
bundled plan (examples/shenyang-2026.txt). Run by hand (never by tests):

    python3 tests/data/formats/make-office.py

seed-autonum.docx  WordprocessingML written here: every numbered line of the
                   plan is a list paragraph whose number is NOT in the text;
                   numbering.xml has one abstractNum with three levels:
                   chapters chineseCounting "%1、", sections chineseCounting
                   "（%2）" (restart after each chapter), tasks decimal "%3."
                   (lvlRestart 0: 1..178 run on across chapters).
seed-table.xlsx    written with python3-openpyxl (a spreadsheet library): a
                   merged title row, the header 序号|重点任务|牵头单位|责任单位,
                   a merged row per chapter and section, one row per task
                   with the unit lists exactly as printed in the plan.
Both give the plan's 466 concrete links (tests/cli/test_formats.c)."""
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

def docx(lines, path):
    body = []
    for l in lines:
        if not l.strip():
            continue
        m = TASK.match(l)
        if m:
            body.append(para(m.group(2), 1, 2)); continue
        m = CHAPTER.match(l)
        if m:
            body.append(para(m.group(2), 1, 0)); continue
        m = SECTION.match(l)
        if m:
            body.append(para(m.group(2).strip(), 1, 1)); continue
        body.append(para(l.strip()))
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
           f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
                 '<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
                 '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
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
             '</Relationships>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in [('[Content_Types].xml', ct), ('_rels/.rels', rels),
                           ('word/document.xml', doc), ('word/_rels/document.xml.rels', drels),
                           ('word/numbering.xml', numbering)]:
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

if __name__ == '__main__':
    lines = open(SEED, encoding='utf-8').read().split('\n')
    os.makedirs(OUT, exist_ok=True)
    docx(lines, os.path.join(OUT, 'seed-autonum.docx'))
    xlsx(lines, os.path.join(OUT, 'seed-table.xlsx'))
