#!/usr/bin/python3
# pdfa_check.py FILE.pdf... — the parts of PDF/A-2b (ISO 19005-2, level B)
# that can be checked structurally, for want of a validator in Debian or
# npm (veraPDF is neither): XMP metadata in the catalog, uncompressed,
# with pdfaid:part 2 and pdfaid:conformance B and the document information
# repeated (title, producer, creator tool, dates in both forms); an output
# intent GTS_PDFA1 with a 3-component ICC profile; every font embedded;
# no encryption; a file identifier; every annotation printable (/F 4); no
# JavaScript, no embedded files. Prints what is missing; exits 1 if any.
import json
import re
import subprocess
import sys


def check(path, errors):
    out = subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', path],
                         check=True, capture_output=True).stdout
    raw = json.loads(out)['qpdf'][1]
    objs = {k[4:]: v for k, v in raw.items() if k.startswith('obj:')}
    objs['trailer'] = raw['trailer']
    trailer = objs['trailer']['value']
    root = objs[trailer['/Root']]['value']

    def err(msg):
        errors.append(f'{path}: {msg}')

    if '/Encrypt' in trailer:
        err('encrypted')
    if not isinstance(trailer.get('/ID'), list) or len(trailer['/ID']) != 2:
        err('no /ID in the trailer')
    # XMP
    meta = root.get('/Metadata')
    if not meta:
        err('no XMP metadata in the catalog')
    else:
        sd = objs[meta]['stream']['dict']
        if '/Filter' in sd:
            err('the XMP metadata stream is compressed')
        if sd.get('/Type') != '/Metadata' or sd.get('/Subtype') != '/XML':
            err('the metadata stream is not /Type /Metadata /Subtype /XML')
        xmp = subprocess.run(['qpdf', f'--show-object={meta.split()[0]}', '--raw-stream-data', path],
                             check=True, capture_output=True).stdout.decode('utf-8')
        if '<pdfaid:part>2</pdfaid:part>' not in xmp:
            err('XMP lacks pdfaid:part 2')
        if '<pdfaid:conformance>B</pdfaid:conformance>' not in xmp:
            err('XMP lacks pdfaid:conformance B')
        info = objs[trailer['/Info']]['value'] if '/Info' in trailer else {}
        for key, tag in (('/Title', 'rdf:li xml:lang="x-default"'), ('/Producer', 'pdf:Producer'),
                         ('/Creator', 'xmp:CreatorTool')):
            if key in info:
                val = info[key]
                val = val[2:] if val.startswith('u:') else val
                val = val.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
                if f'>{val}</' not in xmp:
                    err(f'Info {key} "{val}" is not in the XMP')
        for key, tag in (('/CreationDate', 'xmp:CreateDate'), ('/ModDate', 'xmp:ModifyDate')):
            if key in info:
                d = info[key][2:] if info[key].startswith('u:') else info[key]
                m = re.fullmatch(r'D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z', d)
                if not m:
                    err(f'Info {key} "{d}" is not a PDF date in UTC')
                elif f'<{tag}>{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}Z</{tag}>' not in xmp:
                    err(f'Info {key} differs from XMP {tag}')
    # output intent
    ois = root.get('/OutputIntents')
    ois = objs[ois]['value'] if isinstance(ois, str) and ois.endswith(' R') else ois
    good = False
    for oi in ois or []:
        oi = objs[oi]['value'] if isinstance(oi, str) else oi
        prof = oi.get('/DestOutputProfile')
        if oi.get('/S') == '/GTS_PDFA1' and prof and objs[prof]['stream']['dict'].get('/N') == 3:
            good = True
    if not good:
        err('no GTS_PDFA1 output intent with an RGB ICC profile')
    if '/Names' in root:
        names = objs[root['/Names']]['value'] if isinstance(root['/Names'], str) else root['/Names']
        for k in ('/JavaScript', '/EmbeddedFiles'):
            if k in names:
                err(f'the catalog names {k}')
    for k, v in objs.items():
        val = v.get('value')
        if isinstance(val, dict) and val.get('/Type') == '/Annot' or (
                isinstance(val, dict) and val.get('/Subtype') in ('/Link', '/Widget', '/Text')):
            if val.get('/F') != 4:
                err(f'annotation {k} is not printable (/F 4)')
    fonts = subprocess.run(['pdffonts', path], check=True, capture_output=True).stdout.decode()
    for line in fonts.splitlines()[2:]:
        if line.split()[-5] != 'yes':
            err(f'font not embedded: {line.split()[0]}')


def main():
    errors = []
    for path in sys.argv[1:]:
        check(path, errors)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
