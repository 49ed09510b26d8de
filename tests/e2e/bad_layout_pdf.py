#!/usr/bin/python3
# bad_layout_pdf.py OUT.pdf — a small tagged PDF that breaks each layout
# rule once, for checking that tests/e2e/pdf_layout.py can fail: a
# two-row table split over two pages after a paragraph, a heading that is
# the last thing on page 1, and "högst 20" / "st" on two lines.
import sys

def stream(content):
    data = content.encode('latin-1')
    return b'<< /Length %d >>\nstream\n' % len(data) + data + b'\nendstream'

page1 = stream(
    'BT /F1 10 Tf\n'
    '/P <</MCID 0>> BDC 72 760 Td (Ett stycke text.) Tj EMC\n'
    '/TD <</MCID 1>> BDC 0 -30 Td (Rad ett) Tj EMC\n'
    '/H1 <</MCID 2>> BDC 0 -30 Td (Rubrik) Tj EMC\n'
    '/P <</MCID 3>> BDC 0 -300 Td (h\xf6gst 20) Tj 0 -12 Td (st) Tj EMC\n'
    'ET')
page2 = stream(
    'BT /F1 10 Tf\n'
    '/TD <</MCID 0>> BDC 72 760 Td (Rad tv\xe5) Tj EMC\n'
    '/P <</MCID 1>> BDC 0 -30 Td (Mer text.) Tj EMC\n'
    'ET')

objs = {
    1: b'<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 10 0 R /MarkInfo << /Marked true >> >>',
    2: b'<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    3: b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R '
       b'/Resources << /Font << /F1 7 0 R >> >> /StructParents 0 >>',
    4: b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R '
       b'/Resources << /Font << /F1 7 0 R >> >> /StructParents 1 >>',
    5: page1,
    6: page2,
    7: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    10: b'<< /Type /StructTreeRoot /K [11 0 R] >>',
    # document order: the paragraph, "högst 20", the split table, then
    # the heading, whose next element is on page 2
    11: b'<< /Type /StructElem /S /Document /P 10 0 R /K [12 0 R 19 0 R 13 0 R 18 0 R 20 0 R] >>',
    12: b'<< /Type /StructElem /S /P /P 11 0 R /Pg 3 0 R /K 0 >>',
    13: b'<< /Type /StructElem /S /Table /P 11 0 R /K [14 0 R 15 0 R] >>',
    14: b'<< /Type /StructElem /S /TR /P 13 0 R /K [16 0 R] >>',
    15: b'<< /Type /StructElem /S /TR /P 13 0 R /K [17 0 R] >>',
    16: b'<< /Type /StructElem /S /TD /P 14 0 R /Pg 3 0 R /K 1 >>',
    17: b'<< /Type /StructElem /S /TD /P 15 0 R /Pg 4 0 R /K 0 >>',
    18: b'<< /Type /StructElem /S /H1 /P 11 0 R /Pg 3 0 R /K 2 >>',
    19: b'<< /Type /StructElem /S /P /P 11 0 R /Pg 3 0 R /K 3 >>',
    20: b'<< /Type /StructElem /S /P /P 11 0 R /Pg 4 0 R /K 1 >>',
}

out = bytearray(b'%PDF-1.5\n%\xb5\xed\xae\xfb\n')
offsets = {}
for n in sorted(objs):
    offsets[n] = len(out)
    out += b'%d 0 obj\n' % n + objs[n] + b'\nendobj\n'
size = max(objs) + 1
xref = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % size
for n in range(1, size):
    if n in offsets:
        out += b'%010d 00000 n \n' % offsets[n]
    else:
        out += b'0000000000 65535 f \n'
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (size, xref)
with open(sys.argv[1], 'wb') as f:
    f.write(out)
