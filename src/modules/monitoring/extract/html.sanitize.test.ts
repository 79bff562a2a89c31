import { describe, expect, it } from "vitest";
import { isSafeUrl, sanitizeHtml } from "./html.sanitize.js";

/** OWASP XSS filter evasion cheat sheet style vectors; none may leave anything executable. */
const VECTORS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
  '<IMG SRC="javascript:alert(1);">',
  "<IMG SRC=JaVaScRiPt:alert(1)>",
  "<IMG SRC=`javascript:alert(1)`>",
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<IMG SRC="jav&#x0A;ascript:alert(1);">',
  '<IMG SRC=" &#14;  javascript:alert(1);">',
  "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  "<img src=x onerror=alert(1)>",
  '<body onload="alert(1)">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<style>@import 'http://xss.example/x.css';</style>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "<svg/onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  "<details open ontoggle=alert(1)>",
  '<video><source onerror="alert(1)"></video>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<p title="&quot;><script>alert(1)</script>">ok</p>',
  "<!--<img src=x onerror=alert(1)>-->",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  '<a href="\\\\evil.example">x</a>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<img src="x" srcset="javascript:alert(1) 1x">',
  '<a href="#" xlink:href="javascript:alert(1)">x</a>',
];

function hasExecutable(html: string): boolean {
  return (
    /<\s*(script|style|iframe|object|embed|svg|math|form|input|meta|link|base|noscript|video|source|details)\b/i.test(
      html,
    ) ||
    /\son[a-z]+\s*=/i.test(html) ||
    /(javascript|vbscript|data)\s*:/i.test(html) ||
    /\sstyle\s*=/i.test(html) ||
    /\ssrcset\s*=/i.test(html)
  );
}

describe("sanitizeHtml", () => {
  it.each(VECTORS)("neutralises %s", (vector) => {
    const out = sanitizeHtml(vector);
    expect(hasExecutable(out), out).toBe(false);
  });

  it("keeps ordinary article markup and text", () => {
    const html =
      '<h2 class="x">Tiêu đề</h2><p>Cảng <strong>Lạch Huyện</strong>, <a href="https://baohaiphong.vn/a" target="_blank" onclick="x()">link</a>.</p><img src="/img/a.jpg" alt="ảnh" onerror="x()"><ul><li>một</li></ul><table><tr><td colspan="2">ô</td></tr></table>';
    expect(sanitizeHtml(html)).toBe(
      '<h2>Tiêu đề</h2><p>Cảng <strong>Lạch Huyện</strong>, <a href="https://baohaiphong.vn/a" rel="noopener noreferrer nofollow ugc">link</a>.</p><img src="/img/a.jpg" alt="ảnh"><ul><li>một</li></ul><table><tr><td colspan="2">ô</td></tr></table>',
    );
  });

  it("unwraps unknown elements but keeps their text, and keeps escaped text escaped", () => {
    expect(sanitizeHtml("<section><font color=red>Hải Phòng</font></section>")).toBe("Hải Phòng");
    expect(sanitizeHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
  });

  it("is the maintained sanitize-html underneath: comments, processing instructions and CDATA go", () => {
    expect(sanitizeHtml("<p>a<!-- x --><?php echo 1 ?>b</p>")).toBe("<p>ab</p>");
    expect(sanitizeHtml('<a href="//cdn.example/x">x</a>')).toBe(
      '<a href="//cdn.example/x" rel="noopener noreferrer nofollow ugc">x</a>',
    );
    expect(sanitizeHtml('<img src="mailto:a@b.vn"><a href="mailto:a@b.vn">m</a>')).toBe(
      '<img><a href="mailto:a@b.vn" rel="noopener noreferrer nofollow ugc">m</a>',
    );
  });

  it("classifies URLs", () => {
    expect(isSafeUrl("https://a.vn/x")).toBe(true);
    expect(isSafeUrl("/relative?q=1")).toBe(true);
    expect(isSafeUrl("mailto:a@b.vn")).toBe(true);
    expect(isSafeUrl("mailto:a@b.vn", "src")).toBe(false);
    expect(isSafeUrl("java\u0000script:alert(1)")).toBe(false);
    expect(isSafeUrl("DATA:text/html,x")).toBe(false);
  });
});
