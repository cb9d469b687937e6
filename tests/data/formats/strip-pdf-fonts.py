#!/usr/bin/python3
"""Make a printed PDF small enough to commit: drop the embedded font programs
(FontFile, FontFile2, FontFile3) and keep everything the text layer needs:
the content streams, the fonts' ToUnicode maps, widths and metrics, so
poppler extracts the same characters at the same places. Images become one
grey pixel each. Run by hand with
python3-pikepdf (Debian), never by tests:

    strip-pdf-fonts.py in.pdf out.pdf"""
import sys
import pikepdf

pdf = pikepdf.open(sys.argv[1])
for obj in pdf.objects:
    if isinstance(obj, pikepdf.Dictionary) and obj.get('/Type') == '/FontDescriptor':
        for key in ('/FontFile', '/FontFile2', '/FontFile3', '/CIDSet'):
            if key in obj:
                del obj[key]
    if isinstance(obj, pikepdf.Stream) and obj.get('/Subtype') == '/Image':
        for key in ('/SMask', '/Mask', '/Decode', '/DecodeParms', '/Filter', '/Intent', '/Interpolate'):
            if key in obj:
                del obj[key]
        obj.write(b'\x80')
        obj.Width, obj.Height, obj.BitsPerComponent = 1, 1, 8
        obj.ColorSpace = pikepdf.Name('/DeviceGray')
pdf.remove_unreferenced_resources()
pdf.save(sys.argv[2], compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate, static_id=True)
