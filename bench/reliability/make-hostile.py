#!/usr/bin/env python3
"""Writes a corpus of hostile ingest inputs (at least 200 files) into OUT_DIR.

   make-hostile.py OUT_DIR CANARY_URL CANARY_FILE

Every external entity, external DTD and XInclude in the corpus points at CANARY_URL (a local HTTP listener)
or at CANARY_FILE (a file whose text must never appear in the database): if either is ever resolved, the
hostile-input check sees it. Deterministic (seeded), so a failure can be reproduced file by file.
"""
import gzip, io, json, os, random, sys

out, canary_url, canary_file = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
rng = random.Random(9)
count = 0


def write(name, data):
    global count
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    count += 1


ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-0{day}T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>
<p class="byline">By Jane Doe</p>{paragraphs}</article><footer>Copyright Example News</footer></body></html>"""


VOCABULARY = ("harbour grain tariff minister council shipping dollar yen crude export import bank rate bond "
              "strike union port wheat coffee cocoa sugar copper gold reserve budget deficit quarter profit "
              "senate court election pipeline refinery airline merger lawsuit drought harvest").split()


def article(i):
    # Each sample its own text: near-identical copies would all join one story, and aligning a story of
    # dozens of copies is a (slow) story-size test, not a hostile-input one.
    words = random.Random(i)
    paragraphs = "".join("<p>%s.</p>" % " ".join(words.choice(VOCABULARY) for _ in range(30)).capitalize()
                         for _ in range(12))
    return ARTICLE.format(title="Hostile sample %d: harbour talks resume" % i, day=1 + i % 9, paragraphs=paragraphs)


def warc(html, uri):
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
               % len(html.encode())).encode() + html.encode()
    header = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
              "WARC-Record-ID: <urn:uuid:%08x-0000-0000-0000-000000000000>\r\nContent-Type: application/http; "
              "msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, rng.getrandbits(32), len(payload))).encode()
    return header + payload + b"\r\n\r\n"


# 1. Binary noise under names that promise text (40).
for i in range(40):
    ext = [".html", ".txt", ".xml", ".json", ".warc", ".sgm", ".rss", ""][i % 8]
    write("noise-%02d%s" % (i, ext), bytes(rng.getrandbits(8) for _ in range(rng.choice([1, 17, 512, 4096, 65536]))))

# 2. Truncated HTML: a real-looking article cut at a random point, including inside tags and entities (30).
for i in range(30):
    html = article(100 + i).encode()
    write("truncated-%02d.html" % i, html[: rng.randrange(1, len(html))])

# 3. Truncated WARC files, plain and gzip-compressed, cut inside headers and payloads (20).
for i in range(20):
    data = b"".join(warc(article(200 + i * 3 + j), "https://hostile.example/%d/%d" % (i, j)) for j in range(3))
    if i % 2:
        data = gzip.compress(data)
    write("truncated-%02d.warc%s" % (i, ".gz" if i % 2 else ""), data[: rng.randrange(10, len(data))])

# 4. Pages far beyond the size limit: one of 50 MB, one of 12 MB just above the default 10 MB (2).
big_paragraph = b"<p>" + b"Enormous page text about harbour tariffs. " * 40 + b"</p>\n"
for name, size in (("page-50mb.html", 50 * 1024 * 1024), ("page-12mb.html", 12 * 1024 * 1024)):
    head = b"<!DOCTYPE html><html><head><title>A very large page</title></head><body><article><h1>Large</h1>"
    body = big_paragraph * (size // len(big_paragraph) + 1)
    write(name, (head + body)[:size] + b"</article></body></html>")

# 5. Gzip bombs: tiny files that inflate to gigabytes, as a WARC, as HTML and nested twice (4).
def bomb(megabytes):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as g:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(megabytes):
            g.write(chunk)
    return buf.getvalue()
b = bomb(1024)
write("bomb-1gb.warc.gz", b)
write("bomb-1gb.html.gz", b)
write("bomb-1gb.html", b)
write("bomb-nested.warc.gz", gzip.compress(b))
write("bomb-warc-header.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\n"
                                              + b"\0" * (64 * 1024 * 1024), 9))

# 6. 10,000-level nesting in HTML, XML feeds and JSON (6).
depth = 10000
write("nest-div.html", "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body></html>")
write("nest-unclosed.html", "<html><body><article><h1>Unclosed</h1>" + "<div><span><b>" * depth + "deep")
write("nest-rss.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>x</title>'
      + "<description>" + "<x>" * depth + "t" + "</x>" * depth + "</description></item></channel></rss>")
write("nest-atom.xml", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">' + "<entry>" * depth
      + "</entry>" * depth + "</feed>")
write("nest-array.json", "[" * depth + "]" * depth)
write("nest-object.json", '{"a":' * depth + "1" + "}" * depth)

# 7. UTF-16 without a byte-order mark, both byte orders, HTML and plain text (12).
for i in range(12):
    text = article(300 + i) if i % 2 == 0 else ("Harbour talks resume %d\n\nBy Jane Doe\n\n" % i) + \
        "\n\n".join("Paragraph %d of the UTF-16 sample %d about harbour dredging and tariffs." % (p, i) for p in range(8))
    write("utf16-%02d%s" % (i, ".html" if i % 2 == 0 else ".txt"), text.encode("utf-16-le" if i % 4 < 2 else "utf-16-be"))

# 8. Invalid UTF-8: lone continuation bytes, overlong forms, surrogates, truncated sequences (20).
bad = [b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xff\xfe", b"\xf8\x88\x80\x80\x80"]
for i in range(20):
    html = article(400 + i).encode()
    for _ in range(20):
        at = rng.randrange(len(html))
        html = html[:at] + rng.choice(bad) + html[at:]
    write("bad-utf8-%02d%s" % (i, ".html" if i % 2 else ".txt"), html if i % 2 else html.replace(b"<", b" "))

# 9. NUL bytes sprinkled into text, HTML, feeds and JSON (20).
for i in range(20):
    kind = i % 4
    if kind == 0:
        data = ("Nul sample %d\n\nBy Jane Doe\n\n" % i + "Text with nul bytes about harbour tariffs. " * 30).encode()
    elif kind == 1:
        data = article(500 + i).encode()
    elif kind == 2:
        data = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Nul feed</title><item><title>Nul %d</title>'
                "<link>https://hostile.example/nul/%d</link><description>%s</description></item></channel></rss>"
                % (i, i, "harbour tariffs text " * 40)).encode()
    else:
        data = json.dumps({"headline": "Nul %d" % i, "body": "harbour tariffs and dredging text. " * 40}).encode()
    for _ in range(10):
        at = rng.randrange(len(data))
        data = data[:at] + b"\0" + data[at:]
    write("nul-%02d%s" % (i, [".txt", ".html", ".xml", ".json"][kind]), data)

# 10. Feeds with external entities (XXE), external DTDs, parameter entities and XInclude (24).
item = ("<item><title>XXE probe {n}</title><link>https://hostile.example/xxe/{n}</link>"
        "<description>{body}</description></item>")
xxe = [
    '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}/entity-{n}">]>',
    '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{file}">]>',
    '<!DOCTYPE rss SYSTEM "{url}/dtd-{n}">',
    '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{url}/param-{n}"> %remote;]>',
    '<!DOCTYPE rss [<!ENTITY xxe PUBLIC "-//X//Y" "{url}/public-{n}">]>',
    '<!DOCTYPE rss [<!ENTITY % file SYSTEM "file://{file}"><!ENTITY % dtd SYSTEM "{url}/oob-{n}"> %dtd;]>',
]
for i in range(24):
    decl = xxe[i % len(xxe)].format(url=canary_url, file=canary_file, n=i)
    body = "Harbour report &xxe; continues with tariffs and dredging." if "xxe" in decl else "Harbour report text."
    if i % 4 == 3:
        feed = ('<?xml version="1.0"?>' + decl + '<feed xmlns="http://www.w3.org/2005/Atom"><title>XXE</title>'
                '<entry><title>XXE probe %d</title><id>urn:x:%d</id><updated>2024-05-01T10:00:00Z</updated>'
                '<content type="html">%s</content></entry></feed>' % (i, i, body))
    else:
        feed = ('<?xml version="1.0"?>' + decl + '<rss version="2.0"><channel><title>XXE</title>'
                + item.format(n=i, body=body) + "</channel></rss>")
    write("xxe-%02d.xml" % i, feed)
write("xinclude.xml", '<?xml version="1.0"?><rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel>'
      '<title>XInclude</title><item><title>XInclude probe</title><description><xi:include href="%s/xinclude" '
      'parse="text"/></description></item></channel></rss>' % canary_url)
write("xxe-html.html", '<!DOCTYPE html [<!ENTITY xxe SYSTEM "%s/html-entity">]><html><body><article><h1>XXE in HTML'
      '</h1><p>&xxe; harbour text</p></article></body></html>' % canary_url)
write("xxe-svg.html", '<html><body><article><h1>Remote pieces</h1><p>Text about the harbour.</p>'
      '<img src="%s/img"><iframe src="%s/frame"></iframe><link rel="stylesheet" href="%s/css"></article></body>'
      '</html>' % (canary_url, canary_url, canary_url))

# 11. Billion laughs and quadratic blow-up (10).
laughs = '<!ENTITY lol "lol">' + "".join('<!ENTITY lol%d "%s">' % (k, ("&lol%s;" % ("" if k == 1 else k - 1)) * 10)
                                         for k in range(1, 10))
for i in range(10):
    if i % 2 == 0:
        doc = ('<?xml version="1.0"?><!DOCTYPE rss [' + laughs + ']><rss version="2.0"><channel><title>Laughs</title>'
               '<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>')
    else:
        big = "A" * 50000
        doc = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "%s">]><rss version="2.0"><channel><title>Quadratic'
               '</title><item><title>q</title><description>%s</description></item></channel></rss>' % (big, "&a;" * 2000))
    write("laughs-%02d.xml" % i, doc)

# 12. Odd but harmless edges: empty, whitespace, a lone BOM, a JSON null, a feed with no items (8).
for name, data in (("empty.txt", b""), ("blank.html", b"   \n\t\n"), ("bom-only.txt", b"\xef\xbb\xbf"),
                   ("null.json", b"null"), ("empty-feed.xml", b'<?xml version="1.0"?><rss version="2.0"><channel>'
                                                                b'<title>Nothing</title></channel></rss>'),
                   ("control-chars.txt", bytes(range(1, 32)) * 100), ("only-tags.html", b"<html><body></body></html>"),
                   ("script-only.html", b"<html><body><script>while(1){}</script></body></html>")):
    write(name, data)

# 13. Valid articles interleaved, so the check also sees good input stored alongside the bad (20).
for i in range(20):
    write("valid-%02d.html" % i, article(600 + i))

print(count)
