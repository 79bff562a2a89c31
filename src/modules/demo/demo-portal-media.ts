/**
 * Demo media of the portal: three pictures drawn here with sharp (no downloaded file) and a small PDF
 * publication written here, uploaded through the media library like any editor's file, with alt text in
 * all seven languages; the first articles show a picture and the publication links its PDF.
 */
import sharp from "sharp";
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import type { PortalLanguage, RichTextDoc } from "../../shared/api/portal.js";
import type { PortalMedia } from "../../shared/api/portal-media.js";

type PerLanguage = Record<PortalLanguage, string>;

interface DemoPicture {
  name: string;
  /** Sky, sea and land colours of the drawing. */
  colours: [string, string, string];
  alt: PerLanguage;
  caption: PerLanguage;
}

const PICTURES: DemoPicture[] = [
  {
    name: "cang-lach-huyen.jpg",
    colours: ["#8ec5ff", "#1f5f99", "#d98c3f"],
    alt: {
      vi: "Hình minh hoạ: cần cẩu và các chồng container tại bến cảng Lạch Huyện",
      en: "Illustration: cranes and container stacks at the Lach Huyen berths",
      zh: "插图：莱县港码头的起重机和集装箱堆场",
      ja: "イラスト：ラックフエン港の岸壁に並ぶクレーンとコンテナ",
      ko: "삽화: 락후옌 항 부두의 크레인과 컨테이너",
      fr: "Illustration : grues et piles de conteneurs aux quais de Lach Huyen",
      ru: "Иллюстрация: краны и штабели контейнеров у причалов Лахуена",
    },
    caption: {
      vi: "Khu bến container mới (hình minh hoạ)",
      en: "The new container berths (illustration)",
      zh: "新集装箱码头（插图）",
      ja: "新しいコンテナ岸壁（イラスト）",
      ko: "새 컨테이너 부두 (삽화)",
      fr: "Les nouveaux quais à conteneurs (illustration)",
      ru: "Новые контейнерные причалы (иллюстрация)",
    },
  },
  {
    name: "hoa-phuong-do.jpg",
    colours: ["#ffd6a5", "#c0392b", "#2e7d32"],
    alt: {
      vi: "Hình minh hoạ: hàng cây phượng đỏ nở hoa trên phố Hải Phòng",
      en: "Illustration: a row of flowering red flamboyant trees on a Hai Phong street",
      zh: "插图：海防街头盛开的红色凤凰木",
      ja: "イラスト：ハイフォンの通りに咲く赤い鳳凰木の並木",
      ko: "삽화: 하이퐁 거리에 붉게 핀 봉황목 가로수",
      fr: "Illustration : une rangée de flamboyants rouges en fleurs dans une rue de Hai Phong",
      ru: "Иллюстрация: цветущие красные делониксы на улице Хайфона",
    },
    caption: {
      vi: "Hải Phòng – thành phố hoa phượng đỏ (hình minh hoạ)",
      en: "Hai Phong, the city of red flamboyant flowers (illustration)",
      zh: "海防——红凤凰花之城（插图）",
      ja: "赤い鳳凰木の街ハイフォン（イラスト）",
      ko: "붉은 봉황꽃의 도시 하이퐁 (삽화)",
      fr: "Hai Phong, la ville des flamboyants (illustration)",
      ru: "Хайфон — город красных делониксов (иллюстрация)",
    },
  },
  {
    name: "vinh-lan-ha.png",
    colours: ["#cfe8ff", "#2a9d8f", "#5b6b3a"],
    alt: {
      vi: "Hình minh hoạ: các đảo đá vôi nhô lên giữa vịnh Lan Hạ",
      en: "Illustration: limestone islets rising from Lan Ha Bay",
      zh: "插图：兰下湾中耸立的石灰岩小岛",
      ja: "イラスト：ランハー湾に点在する石灰岩の島々",
      ko: "삽화: 란하 만에 솟은 석회암 섬들",
      fr: "Illustration : îlots calcaires surgissant de la baie de Lan Ha",
      ru: "Иллюстрация: известняковые островки в заливе Ланха",
    },
    caption: {
      vi: "Vịnh Lan Hạ, quần đảo Cát Bà (hình minh hoạ)",
      en: "Lan Ha Bay, Cat Ba archipelago (illustration)",
      zh: "吉婆群岛兰下湾（插图）",
      ja: "カットバ諸島のランハー湾（イラスト）",
      ko: "깟바 군도의 란하 만 (삽화)",
      fr: "Baie de Lan Ha, archipel de Cat Ba (illustration)",
      ru: "Залив Ланха, архипелаг Катба (иллюстрация)",
    },
  },
];

const PUBLICATION_ALT: PerLanguage = {
  vi: "Bìa ấn phẩm Cẩm nang đầu tư Hải Phòng",
  en: "Cover of the Hai Phong investment handbook",
  zh: "《海防投资手册》封面",
  ja: "『ハイフォン投資ハンドブック』の表紙",
  ko: "하이퐁 투자 안내서 표지",
  fr: "Couverture du guide de l’investissement à Hai Phong",
  ru: "Обложка справочника инвестора Хайфона",
};

/** A landscape drawn as SVG and rendered by sharp: sky, sea, land and a sun. */
async function drawPicture(picture: DemoPicture): Promise<Buffer> {
  const [sky, sea, land] = picture.colours;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1200">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
<rect width="1800" height="1200" fill="url(#s)"/><circle cx="1400" cy="260" r="120" fill="#ffe066"/>
<rect y="700" width="1800" height="500" fill="${sea}"/>
<path d="M0 800 L300 520 L560 760 L820 460 L1100 780 L0 900 Z" fill="${land}"/>
<path d="M900 1000 L1300 640 L1700 1000 Z" fill="${land}" opacity="0.8"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return picture.name.endsWith(".png") ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

/** A one-page PDF: a coloured cover with the handbook's title (Latin letters only, Helvetica). */
function handbookPdf(): Buffer {
  const content =
    "0.12 0.37 0.6 rg 0 0 420 595 re f 1 1 1 rg BT /F1 30 Tf 40 420 Td (Hai Phong) Tj 0 -40 Td (Investment handbook) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

export interface DemoMedia {
  /** The document with the item's picture appended (items 0–2 get one each), alt text in `lang`. */
  illustrate(doc: RichTextDoc, itemIndex: number, lang: PortalLanguage): RichTextDoc;
  /** The public address of the demo PDF for a publication; undefined for other kinds. */
  fileFor(productType: string | undefined): string | undefined;
}

/** Uploads the demo pictures and the publication's PDF through the media library. */
export async function seedDemoMedia(services: Services, ctx: RequestContext): Promise<DemoMedia> {
  const pictures: PortalMedia[] = [];
  for (const picture of PICTURES)
    pictures.push(
      await services.portalMedia.upload(ctx, {
        filename: picture.name,
        contentBase64: (await drawPicture(picture)).toString("base64"),
        alt: picture.alt,
        caption: picture.caption,
        credit: "Hình minh hoạ: Hải Đăng (dữ liệu mẫu)",
      }),
    );
  const pdf = await services.portalMedia.upload(ctx, {
    filename: "cam-nang-dau-tu-hai-phong.pdf",
    contentBase64: handbookPdf().toString("base64"),
    alt: PUBLICATION_ALT,
    credit: "Ấn phẩm mẫu",
  });
  return {
    illustrate(doc, itemIndex, lang) {
      const media = pictures[itemIndex];
      if (!media) return doc;
      const image = {
        type: "image",
        attrs: { mediaId: media.id, src: media.publicSrc, alt: media.alt[lang] ?? "" },
      };
      return { ...doc, content: [...doc.content.slice(0, 1), image, ...doc.content.slice(1)] };
    },
    fileFor: (productType) => (productType === "publication" ? (pdf.publicFile ?? undefined) : undefined),
  };
}
