/**
 * Demo content of the external-information portal: a handful of articles, an about page and one
 * product of each kind, in all seven languages, written for the demo (not copied from any real portal),
 * each taken through the workflow (written, reviewed by another person, published), so that `npm start`
 * shows a living portal on PORTAL_PORT.
 */
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import type { PortalLanguage, PortalProductType } from "../../shared/api/portal.js";
import { paragraphsDoc } from "../portal/portal-render.js";
import { seedDemoMedia } from "./demo-portal-media.js";

/** Title, summary, then body paragraphs ("## " starts a heading). */
type Text = [string, string, ...string[]];

interface DemoItem {
  kind: "article" | "page" | "product";
  productType?: PortalProductType;
  mediaUrl?: string;
  topics: string[];
  tags: string[];
  texts: Record<PortalLanguage, Text>;
}

const DEMO_ITEMS: DemoItem[] = [
  {
    kind: "article",
    topics: ["economy_investment"],
    tags: ["cảng biển", "Lạch Huyện"],
    texts: {
      vi: [
        "Cảng cửa ngõ quốc tế Lạch Huyện đón thêm hai bến container mới",
        "Hai bến mới nâng công suất khu cảng nước sâu của Hải Phòng, đón tàu đến 200.000 tấn.",
        "Hai bến container số 3 và số 4 tại khu cảng cửa ngõ quốc tế Lạch Huyện đã đi vào khai thác, đưa Hải Phòng thêm gần với mục tiêu trở thành trung tâm logistics hàng đầu khu vực.",
        "Các hãng tàu quốc tế có thể đưa tàu mẹ trọng tải lớn vào thẳng Hải Phòng, rút ngắn thời gian vận chuyển hàng hóa sang châu Âu và châu Mỹ.",
      ],
      en: [
        "Lach Huyen international gateway port opens two new container berths",
        "The new berths raise the capacity of Hai Phong's deep-water port, which can receive ships of up to 200,000 tonnes.",
        "Container berths 3 and 4 at the Lach Huyen international gateway port have entered service, bringing Hai Phong closer to its goal of becoming a leading logistics hub of the region.",
        "International shipping lines can now bring large mother vessels straight to Hai Phong, shortening transit times to Europe and the Americas.",
      ],
      zh: [
        "莱县国际门户港新增两个集装箱泊位",
        "新泊位提升了海防深水港的吞吐能力，可停靠20万吨级船舶。",
        "莱县国际门户港3号和4号集装箱泊位正式投入运营，海防向成为地区领先物流中心的目标又迈进一步。",
        "国际航运公司的大型母船现可直接停靠海防，缩短了前往欧洲和美洲的运输时间。",
      ],
      ja: [
        "ラックフェン国際ゲートウェイ港に新たなコンテナバース2か所",
        "新バースによりハイフォンの大水深港の能力が向上し、20万トン級の船舶の受け入れが可能に。",
        "ラックフェン国際ゲートウェイ港のコンテナバース3号・4号が供用を開始し、ハイフォンは地域有数の物流拠点という目標に一歩近づきました。",
        "国際海運会社は大型母船をハイフォンに直接寄港させることができ、欧州・米州への輸送時間が短縮されます。",
      ],
      ko: [
        "락후옌 국제관문항, 컨테이너 선석 2곳 추가 개장",
        "새 선석으로 하이퐁 심해항의 처리 능력이 커져 20만 톤급 선박을 받을 수 있게 되었습니다.",
        "락후옌 국제관문항의 3번·4번 컨테이너 선석이 운영을 시작하면서 하이퐁은 지역 최고의 물류 중심지라는 목표에 한 걸음 더 다가섰습니다.",
        "국제 해운사는 대형 모선을 하이퐁에 바로 기항시킬 수 있어 유럽과 미주까지의 운송 시간이 줄어듭니다.",
      ],
      fr: [
        "Le port international de Lach Huyen ouvre deux nouveaux postes à conteneurs",
        "Les nouveaux postes augmentent la capacité du port en eau profonde de Hai Phong, qui accueille des navires jusqu’à 200 000 tonnes.",
        "Les postes à conteneurs 3 et 4 du port international de Lach Huyen sont entrés en service, rapprochant Hai Phong de son objectif de devenir une plateforme logistique majeure de la région.",
        "Les armateurs internationaux peuvent désormais faire escale directement à Hai Phong avec de grands navires-mères, ce qui raccourcit les délais vers l’Europe et les Amériques.",
      ],
      ru: [
        "Международный порт Лакхуен открыл два новых контейнерных причала",
        "Новые причалы увеличили мощность глубоководного порта Хайфона, способного принимать суда до 200 000 тонн.",
        "Контейнерные причалы № 3 и № 4 международного порта Лакхуен введены в эксплуатацию, приблизив Хайфон к цели стать ведущим логистическим центром региона.",
        "Международные судоходные компании теперь могут направлять крупные суда-матки прямо в Хайфон, сокращая сроки доставки в Европу и Америку.",
      ],
    },
  },
  {
    kind: "article",
    topics: ["culture", "tourism"],
    tags: ["Lễ hội Hoa Phượng Đỏ"],
    texts: {
      vi: [
        "Lễ hội Hoa Phượng Đỏ nhuộm thắm thành phố Cảng",
        "Chuỗi hoạt động văn hóa, nghệ thuật và du lịch kéo dài suốt tháng Năm, mời bạn bè quốc tế cùng tham gia.",
        "Mỗi độ tháng Năm, hoa phượng đỏ nở rực trên các tuyến phố Hải Phòng. Lễ hội Hoa Phượng Đỏ năm nay có lễ diễu hành đường phố, đêm nhạc bên sông Tam Bạc và triển lãm ảnh về thành phố.",
        "Du khách có thể thưởng thức ẩm thực đặc sắc như bánh đa cua, nem cua bể tại phố đi bộ Tam Bạc.",
      ],
      en: [
        "The Red Flamboyant Festival paints the port city red",
        "A month of culture, art and tourism events through May, with friends from abroad warmly invited.",
        "Every May, red flamboyant trees bloom along the streets of Hai Phong. This year's Red Flamboyant Festival brings a street parade, an evening concert by the Tam Bac river and a photo exhibition about the city.",
        "Visitors can taste local specialities such as crab noodle soup and square crab spring rolls on Tam Bac walking street.",
      ],
      zh: [
        "红凤凰花节染红港口城市",
        "五月全月举办文化、艺术和旅游活动，诚邀国际友人参加。",
        "每年五月，海防街头红凤凰花盛开。今年的红凤凰花节包括街头巡游、三泊河畔音乐之夜和城市摄影展。",
        "游客可在三泊步行街品尝蟹汤粉、方形蟹肉春卷等特色美食。",
      ],
      ja: [
        "赤い鳳凰木の花祭りが港町を彩る",
        "5月を通じて文化・芸術・観光のイベントを開催し、海外の皆様をお迎えします。",
        "毎年5月、ハイフォンの街路には鳳凰木の赤い花が咲き誇ります。今年の祭りではパレード、タムバック川沿いの音楽の夕べ、街の写真展が行われます。",
        "タムバック歩行者天国では、カニ入り麺バインダークアや四角いカニ春巻きなどの名物料理を味わえます。",
      ],
      ko: [
        "붉은 봉황목 꽃 축제, 항구도시를 붉게 물들이다",
        "5월 한 달 동안 문화·예술·관광 행사가 열리며 해외 친구들을 초대합니다.",
        "매년 5월이면 하이퐁 거리마다 붉은 봉황목 꽃이 활짝 핍니다. 올해 축제에는 거리 퍼레이드, 땀박 강변 음악회, 도시 사진전이 열립니다.",
        "방문객은 땀박 보행자 거리에서 게살 국수와 네모난 게살 스프링롤 같은 향토 음식을 맛볼 수 있습니다.",
      ],
      fr: [
        "Le festival des flamboyants rouges colore la ville portuaire",
        "Un mois de culture, d’art et de tourisme tout au long du mois de mai, ouvert aux amis étrangers.",
        "Chaque année en mai, les flamboyants fleurissent dans les rues de Hai Phong. Le festival propose cette année un défilé, une soirée musicale au bord de la rivière Tam Bac et une exposition de photos de la ville.",
        "Les visiteurs peuvent goûter les spécialités locales, comme la soupe de nouilles au crabe et les nems carrés au crabe, dans la rue piétonne Tam Bac.",
      ],
      ru: [
        "Фестиваль красного фламбояна окрашивает портовый город",
        "Месяц культурных, художественных и туристических событий в мае, на которые приглашены иностранные друзья.",
        "Каждый май на улицах Хайфона расцветают красные фламбояны. В этом году фестиваль включает уличное шествие, вечерний концерт на берегу реки Тамбак и фотовыставку о городе.",
        "На пешеходной улице Тамбак гости могут попробовать местные блюда — суп с крабовой лапшой и квадратные крабовые нэмы.",
      ],
    },
  },
  {
    kind: "article",
    topics: ["tourism"],
    tags: ["Cát Bà", "di sản thiên nhiên"],
    texts: {
      vi: [
        "Quần đảo Cát Bà – điểm đến xanh của di sản thế giới",
        "Vịnh Hạ Long – quần đảo Cát Bà là di sản thiên nhiên thế giới liên tỉnh đầu tiên của Việt Nam.",
        "Với hơn 300 hòn đảo đá vôi, rừng nguyên sinh và vịnh Lan Hạ, Cát Bà thu hút du khách yêu thiên nhiên, chèo thuyền kayak và leo núi.",
        "Thành phố khuyến khích du lịch có trách nhiệm: hạn chế rác thải nhựa và bảo vệ loài voọc Cát Bà quý hiếm.",
      ],
      en: [
        "The Cat Ba archipelago, a green destination of world heritage",
        "Ha Long Bay – Cat Ba archipelago is Viet Nam's first world natural heritage site spanning two provinces.",
        "With more than 300 limestone islands, primeval forest and Lan Ha bay, Cat Ba draws nature lovers, kayakers and climbers.",
        "The city encourages responsible travel: less plastic waste and protection of the rare Cat Ba langur.",
      ],
      zh: [
        "吉婆群岛——世界遗产中的绿色目的地",
        "下龙湾—吉婆群岛是越南首个跨省世界自然遗产。",
        "吉婆拥有300多座石灰岩岛屿、原始森林和兰夏湾，吸引着热爱自然、皮划艇和攀岩的游客。",
        "海防市倡导负责任的旅游：减少塑料垃圾，保护珍稀的吉婆叶猴。",
      ],
      ja: [
        "カットバー諸島、世界遺産の緑の目的地",
        "ハロン湾・カットバー諸島はベトナム初の省をまたぐ世界自然遺産です。",
        "300を超える石灰岩の島々、原生林、ランハー湾を擁するカットバーは、自然愛好家やカヤック、クライミングを楽しむ人々を引きつけています。",
        "市はプラスチックごみの削減や希少なカットバーラングールの保護など、責任ある観光を呼びかけています。",
      ],
      ko: [
        "깟바 군도, 세계유산의 초록빛 여행지",
        "하롱베이–깟바 군도는 베트남 최초로 두 성에 걸친 세계자연유산입니다.",
        "300개가 넘는 석회암 섬과 원시림, 란하 만을 품은 깟바는 자연을 사랑하는 여행자와 카약, 암벽 등반 애호가를 끌어들입니다.",
        "시는 플라스틱 쓰레기를 줄이고 희귀종 깟바 랑구르를 보호하는 책임 있는 여행을 권장합니다.",
      ],
      fr: [
        "L’archipel de Cat Ba, destination verte du patrimoine mondial",
        "La baie d’Ha Long – archipel de Cat Ba est le premier site naturel du patrimoine mondial du Viet Nam s’étendant sur deux provinces.",
        "Avec plus de 300 îles calcaires, une forêt primaire et la baie de Lan Ha, Cat Ba attire les amoureux de la nature, du kayak et de l’escalade.",
        "La ville encourage un tourisme responsable : moins de déchets plastiques et la protection du rare langur de Cat Ba.",
      ],
      ru: [
        "Архипелаг Катба — зелёное направление всемирного наследия",
        "Бухта Халонг — архипелаг Катба стали первым во Вьетнаме объектом всемирного природного наследия на территории двух провинций.",
        "Более 300 известняковых островов, первичный лес и бухта Ланха привлекают любителей природы, каякинга и скалолазания.",
        "Город призывает к ответственному туризму: меньше пластиковых отходов и охрана редкого катбинского лангура.",
      ],
    },
  },
  {
    kind: "article",
    topics: ["economy_investment"],
    tags: ["khu kinh tế", "FDI"],
    texts: {
      vi: [
        "Hải Phòng tiếp tục là điểm đến hấp dẫn của nhà đầu tư nước ngoài",
        "Các khu công nghiệp ven biển thu hút thêm nhiều dự án công nghệ cao trong năm qua.",
        "Khu kinh tế Đình Vũ – Cát Hải và các khu công nghiệp mới tiếp nhận nhiều dự án sản xuất linh kiện điện tử, năng lượng sạch và logistics.",
        "Thành phố rút ngắn thời gian giải quyết thủ tục đầu tư và hỗ trợ nhà đầu tư qua bộ phận một cửa.",
      ],
      en: [
        "Hai Phong remains an attractive destination for foreign investors",
        "Coastal industrial parks welcomed more high-tech projects over the past year.",
        "The Dinh Vu – Cat Hai economic zone and new industrial parks received projects in electronic components, clean energy and logistics.",
        "The city has shortened investment procedures and supports investors through a one-stop service desk.",
      ],
      zh: [
        "海防继续成为外国投资者青睐之地",
        "过去一年，沿海工业园区吸引了更多高新技术项目。",
        "丁武—吉海经济区和新工业园区迎来电子元器件、清洁能源和物流等领域的项目。",
        "海防市缩短了投资手续办理时间，并通过一站式窗口为投资者提供支持。",
      ],
      ja: [
        "ハイフォン、外国投資家にとって魅力ある投資先であり続ける",
        "沿岸部の工業団地がこの1年でハイテク案件をさらに誘致しました。",
        "ディンヴー・カットハイ経済区や新しい工業団地には、電子部品、クリーンエネルギー、物流分野の案件が集まっています。",
        "市は投資手続きの期間を短縮し、ワンストップ窓口で投資家を支援しています。",
      ],
      ko: [
        "하이퐁, 외국인 투자자에게 여전히 매력적인 투자처",
        "지난 한 해 해안 산업단지에 첨단기술 프로젝트가 더 많이 유치되었습니다.",
        "딘부–깟하이 경제구역과 신규 산업단지에는 전자부품, 청정에너지, 물류 분야 프로젝트가 들어섰습니다.",
        "시는 투자 절차 처리 기간을 줄이고 원스톱 창구를 통해 투자자를 지원합니다.",
      ],
      fr: [
        "Hai Phong reste une destination attractive pour les investisseurs étrangers",
        "Les parcs industriels côtiers ont accueilli davantage de projets de haute technologie l’an dernier.",
        "La zone économique de Dinh Vu – Cat Hai et les nouveaux parcs industriels ont reçu des projets de composants électroniques, d’énergie propre et de logistique.",
        "La ville a raccourci les procédures d’investissement et accompagne les investisseurs par un guichet unique.",
      ],
      ru: [
        "Хайфон остаётся привлекательным для иностранных инвесторов",
        "За последний год прибрежные индустриальные парки привлекли больше высокотехнологичных проектов.",
        "Экономическая зона Диньву — Катхай и новые индустриальные парки приняли проекты в области электронных компонентов, чистой энергетики и логистики.",
        "Город сократил сроки инвестиционных процедур и поддерживает инвесторов через единое окно.",
      ],
    },
  },
  {
    kind: "article",
    topics: ["people_diplomacy", "foreign_affairs"],
    tags: ["thành phố kết nghĩa"],
    texts: {
      vi: [
        "Giao lưu nhân dân với các thành phố kết nghĩa",
        "Đoàn thanh niên Hải Phòng giao lưu văn hóa với bạn bè các thành phố kết nghĩa.",
        "Trong khuôn khổ hợp tác giữa các địa phương, thanh niên, sinh viên Hải Phòng tham gia chương trình trao đổi văn hóa, giới thiệu ẩm thực và âm nhạc truyền thống.",
        "Các hoạt động giao lưu nhân dân góp phần vun đắp tình hữu nghị và mở ra cơ hội hợp tác mới.",
      ],
      en: [
        "People-to-people exchanges with sister cities",
        "Young people from Hai Phong meet friends from the city's sister cities for a cultural exchange.",
        "As part of cooperation between localities, young people and students from Hai Phong join cultural exchange programmes, presenting traditional cuisine and music.",
        "People-to-people exchanges nurture friendship and open new opportunities for cooperation.",
      ],
      zh: [
        "与友好城市开展民间交流",
        "海防青年代表团与友好城市的朋友开展文化交流。",
        "在地方合作框架下，海防青年和学生参加文化交流项目，介绍传统美食和音乐。",
        "民间交流活动有助于增进友谊，开辟新的合作机会。",
      ],
      ja: [
        "姉妹都市との市民交流",
        "ハイフォンの青年団が姉妹都市の友人たちと文化交流を行いました。",
        "地方間協力の一環として、ハイフォンの若者や学生が文化交流プログラムに参加し、伝統料理や音楽を紹介しました。",
        "市民交流は友好を育み、新たな協力の機会を開きます。",
      ],
      ko: [
        "자매도시와의 민간 교류",
        "하이퐁 청년단이 자매도시 친구들과 문화 교류를 가졌습니다.",
        "지방 간 협력의 일환으로 하이퐁의 청년과 학생들은 문화 교류 프로그램에 참여해 전통 음식과 음악을 소개했습니다.",
        "민간 교류는 우정을 키우고 새로운 협력의 기회를 엽니다.",
      ],
      fr: [
        "Échanges entre les peuples avec les villes jumelées",
        "Des jeunes de Hai Phong rencontrent leurs amis des villes jumelées pour un échange culturel.",
        "Dans le cadre de la coopération décentralisée, des jeunes et des étudiants de Hai Phong participent à des échanges culturels et présentent la cuisine et la musique traditionnelles.",
        "Ces échanges entre les peuples renforcent l’amitié et ouvrent de nouvelles possibilités de coopération.",
      ],
      ru: [
        "Народная дипломатия с городами-побратимами",
        "Молодёжь Хайфона встретилась с друзьями из городов-побратимов в рамках культурного обмена.",
        "В рамках межрегионального сотрудничества молодые люди и студенты Хайфона участвуют в программах культурного обмена, представляя традиционную кухню и музыку.",
        "Народные обмены укрепляют дружбу и открывают новые возможности для сотрудничества.",
      ],
    },
  },
  {
    kind: "article",
    topics: ["sea_islands_sovereignty"],
    tags: ["Bạch Long Vĩ"],
    texts: {
      vi: [
        "Đảo Bạch Long Vĩ vươn mình giữa Vịnh Bắc Bộ",
        "Huyện đảo tiền tiêu của Hải Phòng phát triển kinh tế biển gắn với bảo vệ môi trường.",
        "Bạch Long Vĩ nằm giữa Vịnh Bắc Bộ, là ngư trường quan trọng và nơi neo đậu, tránh trú bão của tàu cá.",
        "Điện gió, nước ngọt và trạm y tế được đầu tư giúp người dân yên tâm bám biển.",
      ],
      en: [
        "Bach Long Vi island rises in the middle of the Gulf of Tonkin",
        "Hai Phong's outpost island district develops its marine economy while protecting the environment.",
        "Bach Long Vi lies in the middle of the Gulf of Tonkin, an important fishing ground and a storm shelter for fishing boats.",
        "Wind power, fresh water and a health station help islanders make their living from the sea.",
      ],
      zh: [
        "白龙尾岛在北部湾中部蓬勃发展",
        "海防的前哨岛县在保护环境的同时发展海洋经济。",
        "白龙尾岛位于北部湾中部，是重要渔场，也是渔船避风停泊之地。",
        "风电、淡水和医疗站的建设让岛上居民安心以海为生。",
      ],
      ja: [
        "トンキン湾の中央で発展するバックロンヴィー島",
        "ハイフォンの最前線の島嶼区が、環境を守りながら海洋経済を発展させています。",
        "バックロンヴィー島はトンキン湾の中央に位置し、重要な漁場であり、漁船の避難港でもあります。",
        "風力発電、淡水、診療所の整備により、島民は安心して海で暮らしています。",
      ],
      ko: [
        "통킹만 한가운데에서 성장하는 박롱비 섬",
        "하이퐁의 최전방 섬 지역이 환경을 보호하며 해양 경제를 발전시키고 있습니다.",
        "박롱비 섬은 통킹만 한가운데 있는 중요한 어장이자 어선의 태풍 대피처입니다.",
        "풍력 발전, 담수 시설, 보건소가 갖춰져 주민들이 안심하고 바다에서 생업을 이어갑니다.",
      ],
      fr: [
        "L’île de Bach Long Vi s’épanouit au cœur du golfe du Tonkin",
        "Le district insulaire avancé de Hai Phong développe l’économie maritime tout en protégeant l’environnement.",
        "Bach Long Vi se trouve au milieu du golfe du Tonkin, une zone de pêche importante et un abri contre les tempêtes pour les bateaux.",
        "L’éolien, l’eau douce et un poste de santé permettent aux habitants de vivre de la mer en confiance.",
      ],
      ru: [
        "Остров Батьлонгви развивается в центре Тонкинского залива",
        "Передовой островной уезд Хайфона развивает морскую экономику, сохраняя окружающую среду.",
        "Батьлонгви расположен в центре Тонкинского залива — важный район промысла и укрытие для рыболовных судов во время штормов.",
        "Ветровая энергетика, пресная вода и медпункт помогают жителям уверенно жить морем.",
      ],
    },
  },
  {
    kind: "page",
    topics: ["tourism", "economy_investment"],
    tags: ["giới thiệu"],
    texts: {
      vi: [
        "Giới thiệu thành phố Hải Phòng",
        "Thành phố Cảng, cửa chính ra biển của miền Bắc Việt Nam.",
        "## Vị trí",
        "Hải Phòng nằm ở Đông Bắc Bắc Bộ, cách Hà Nội khoảng 120 km, có hệ thống cảng biển, sân bay quốc tế Cát Bi và đường cao tốc kết nối các trung tâm kinh tế.",
        "## Con người",
        "Người Hải Phòng nổi tiếng cởi mở, thẳng thắn và hiếu khách.",
      ],
      en: [
        "About Hai Phong city",
        "The port city, northern Viet Nam's main gateway to the sea.",
        "## Location",
        "Hai Phong lies in the north-east of the Red River delta, about 120 km from Ha Noi, with seaports, Cat Bi international airport and expressways to the main economic centres.",
        "## People",
        "The people of Hai Phong are known for being open, frank and hospitable.",
      ],
      zh: [
        "海防市简介",
        "港口城市，越南北方的主要出海门户。",
        "## 地理位置",
        "海防位于红河三角洲东北部，距河内约120公里，拥有海港、吉碧国际机场以及连接各经济中心的高速公路。",
        "## 人民",
        "海防人以开朗、直率、好客而闻名。",
      ],
      ja: [
        "ハイフォン市の紹介",
        "ベトナム北部の海の玄関口、港湾都市。",
        "## 位置",
        "ハイフォンは紅河デルタの北東部、ハノイから約120キロに位置し、港湾、カットビ国際空港、主要経済拠点を結ぶ高速道路を備えています。",
        "## 人々",
        "ハイフォンの人々は開放的で率直、もてなし上手として知られています。",
      ],
      ko: [
        "하이퐁시 소개",
        "베트남 북부의 주요 해상 관문인 항구도시.",
        "## 위치",
        "하이퐁은 홍강 삼각주 북동부, 하노이에서 약 120km 떨어진 곳에 있으며 항만, 깟비 국제공항, 주요 경제 중심지를 잇는 고속도로를 갖추고 있습니다.",
        "## 사람들",
        "하이퐁 사람들은 개방적이고 솔직하며 손님을 따뜻하게 맞이하는 것으로 유명합니다.",
      ],
      fr: [
        "Présentation de la ville de Hai Phong",
        "La ville portuaire, principale porte maritime du nord du Viet Nam.",
        "## Situation",
        "Hai Phong se situe au nord-est du delta du fleuve Rouge, à environ 120 km de Ha Noi, avec ses ports, l’aéroport international de Cat Bi et des autoroutes vers les grands centres économiques.",
        "## Habitants",
        "Les habitants de Hai Phong sont réputés ouverts, francs et hospitaliers.",
      ],
      ru: [
        "О городе Хайфон",
        "Портовый город, главные морские ворота севера Вьетнама.",
        "## Расположение",
        "Хайфон расположен на северо-востоке дельты Красной реки, примерно в 120 км от Ханоя; здесь есть морские порты, международный аэропорт Катби и скоростные дороги к основным экономическим центрам.",
        "## Люди",
        "Жители Хайфона известны открытостью, прямотой и гостеприимством.",
      ],
    },
  },
  {
    kind: "product",
    productType: "publication",
    mediaUrl: "https://example.org/haiphong/cam-nang-dau-tu.pdf",
    topics: ["economy_investment"],
    tags: ["ấn phẩm", "đầu tư"],
    texts: {
      vi: [
        "Cẩm nang đầu tư Hải Phòng",
        "Ấn phẩm giới thiệu môi trường đầu tư, hạ tầng và ưu đãi.",
        "Cẩm nang gồm thông tin về các khu công nghiệp, thủ tục đầu tư và đầu mối liên hệ.",
      ],
      en: [
        "Hai Phong investment handbook",
        "A publication on the investment climate, infrastructure and incentives.",
        "The handbook covers industrial parks, investment procedures and contact points.",
      ],
      zh: [
        "海防投资指南",
        "介绍投资环境、基础设施和优惠政策的出版物。",
        "指南包括工业园区、投资手续和联系窗口等信息。",
      ],
      ja: [
        "ハイフォン投資ハンドブック",
        "投資環境、インフラ、優遇措置を紹介する出版物。",
        "工業団地、投資手続き、問い合わせ窓口の情報を収録しています。",
      ],
      ko: [
        "하이퐁 투자 안내서",
        "투자 환경, 기반 시설, 인센티브를 소개하는 출판물.",
        "산업단지, 투자 절차, 연락 창구 정보를 담고 있습니다.",
      ],
      fr: [
        "Guide de l’investissement à Hai Phong",
        "Une publication sur le climat des affaires, les infrastructures et les incitations.",
        "Le guide présente les parcs industriels, les procédures d’investissement et les contacts utiles.",
      ],
      ru: [
        "Справочник инвестора Хайфона",
        "Издание об инвестиционном климате, инфраструктуре и льготах.",
        "Справочник содержит сведения об индустриальных парках, инвестиционных процедурах и контактах.",
      ],
    },
  },
  {
    kind: "product",
    productType: "video",
    mediaUrl: "https://example.org/haiphong/video-thanh-pho-cang",
    topics: ["tourism", "culture"],
    tags: ["video"],
    texts: {
      vi: [
        "Video: Hải Phòng – thành phố hoa phượng đỏ",
        "Phim ngắn ba phút về nhịp sống thành phố Cảng.",
        "Từ cảng biển sầm uất đến những con phố rợp hoa phượng và bãi biển Đồ Sơn.",
      ],
      en: [
        "Video: Hai Phong, city of red flamboyants",
        "A three-minute film on the rhythm of the port city.",
        "From busy seaports to streets shaded by flamboyant trees and the beach of Do Son.",
      ],
      zh: [
        "视频：海防——红凤凰花之城",
        "三分钟短片展现港口城市的生活节奏。",
        "从繁忙的海港到凤凰花掩映的街道和涂山海滩。",
      ],
      ja: [
        "動画：ハイフォン、赤い鳳凰木の街",
        "港湾都市の暮らしを描く3分間の短編映像。",
        "にぎわう港から鳳凰木の並木道、ドーソンの海岸まで。",
      ],
      ko: [
        "영상: 하이퐁, 붉은 봉황목의 도시",
        "항구도시의 일상을 담은 3분 단편 영상.",
        "분주한 항구에서 봉황목 가로수 길, 도선 해변까지.",
      ],
      fr: [
        "Vidéo : Hai Phong, la ville des flamboyants",
        "Un film de trois minutes sur le rythme de la ville portuaire.",
        "Des ports animés aux rues ombragées de flamboyants et à la plage de Do Son.",
      ],
      ru: [
        "Видео: Хайфон — город красных фламбоянов",
        "Трёхминутный фильм о ритме портового города.",
        "От оживлённых портов до улиц в тени фламбоянов и пляжа Дошон.",
      ],
    },
  },
  {
    kind: "product",
    productType: "infographic",
    topics: ["economy_investment"],
    tags: ["infographic", "số liệu"],
    texts: {
      vi: [
        "Infographic: Hải Phòng qua những con số",
        "Dân số, diện tích, sản lượng hàng hóa qua cảng và các khu công nghiệp.",
        "Hải Phòng có diện tích hơn 1.500 km², dân số trên 2 triệu người và hàng chục khu công nghiệp.",
      ],
      en: [
        "Infographic: Hai Phong in figures",
        "Population, area, port throughput and industrial parks.",
        "Hai Phong covers more than 1,500 km², is home to over 2 million people and dozens of industrial parks.",
      ],
      zh: [
        "信息图：数字看海防",
        "人口、面积、港口吞吐量和工业园区。",
        "海防面积逾1500平方公里，人口超过200万，拥有数十个工业园区。",
      ],
      ja: [
        "インフォグラフィック：数字で見るハイフォン",
        "人口、面積、港湾取扱量、工業団地。",
        "ハイフォンの面積は1,500平方キロ超、人口は200万人以上、工業団地は数十か所に上ります。",
      ],
      ko: [
        "인포그래픽: 숫자로 보는 하이퐁",
        "인구, 면적, 항만 물동량, 산업단지.",
        "하이퐁의 면적은 1,500㎢ 이상, 인구는 200만 명 이상이며 수십 개의 산업단지가 있습니다.",
      ],
      fr: [
        "Infographie : Hai Phong en chiffres",
        "Population, superficie, trafic portuaire et parcs industriels.",
        "Hai Phong couvre plus de 1 500 km², compte plus de 2 millions d’habitants et des dizaines de parcs industriels.",
      ],
      ru: [
        "Инфографика: Хайфон в цифрах",
        "Население, площадь, грузооборот порта и индустриальные парки.",
        "Площадь Хайфона превышает 1500 км², население — более 2 млн человек, в городе десятки индустриальных парков.",
      ],
    },
  },
  {
    kind: "product",
    productType: "album",
    topics: ["tourism"],
    tags: ["album ảnh", "Đồ Sơn"],
    texts: {
      vi: [
        "Album ảnh: Bình minh trên biển Đồ Sơn",
        "Những khoảnh khắc bình minh trên bán đảo Đồ Sơn.",
        "Bộ ảnh ghi lại cảnh ngư dân kéo lưới và sóng biển buổi sớm.",
      ],
      en: [
        "Photo album: Sunrise over Do Son beach",
        "Moments of sunrise on the Do Son peninsula.",
        "The photos capture fishermen hauling their nets and the early morning waves.",
      ],
      zh: ["相册：涂山海滨日出", "涂山半岛日出时分的精彩瞬间。", "照片记录了渔民拉网和清晨海浪的景象。"],
      ja: [
        "写真アルバム：ドーソンの海の日の出",
        "ドーソン半島の夜明けのひととき。",
        "網を引く漁師たちと早朝の波をとらえた写真集です。",
      ],
      ko: [
        "사진첩: 도선 바다의 일출",
        "도선 반도의 해돋이 순간들.",
        "그물을 끌어올리는 어부들과 이른 아침의 파도를 담았습니다.",
      ],
      fr: [
        "Album photo : lever du soleil sur la plage de Do Son",
        "Des instants d’aube sur la péninsule de Do Son.",
        "Les photos montrent les pêcheurs remontant leurs filets et les vagues du petit matin.",
      ],
      ru: [
        "Фотоальбом: рассвет над пляжем Дошон",
        "Мгновения рассвета на полуострове Дошон.",
        "Снимки запечатлели рыбаков, вытягивающих сети, и утренние волны.",
      ],
    },
  },
];

/** Seeds the portal; returns how many items were published. Runs once, on an empty portal. */
export async function seedDemoPortal(services: Services, ctx: RequestContext): Promise<number> {
  const { portal } = services;
  // The text is written by the demo account and approved by another: nobody approves their own words.
  const reviewer: RequestContext = {
    ...ctx,
    actor: { userId: "demo-reviewer", displayName: "Thẩm định viên mẫu", roles: ["editor"], personId: null },
  };
  const languages = portal.languages.filter((l) => l !== "vi");
  let count = 0;
  const media = await seedDemoMedia(services, ctx);
  for (const [index, demo] of DEMO_ITEMS.entries()) {
    const [title, summary, ...body] = demo.texts.vi;
    const item = await portal.create(ctx, {
      kind: demo.kind,
      productType: demo.productType ?? null,
      mediaUrl: media.fileFor(demo.productType) ?? demo.mediaUrl ?? null,
      topics: demo.topics,
      tags: demo.tags,
      source: { title, summary, body: media.illustrate(paragraphsDoc(...body), index, "vi") },
    });
    for (const lang of languages) {
      const [t, s, ...b] = demo.texts[lang];
      await portal.save(ctx, item.id, lang, {
        title: t,
        summary: s,
        body: media.illustrate(paragraphsDoc(...b), index, lang),
      });
    }
    for (const lang of portal.languages) {
      await portal.transition(ctx, item.id, lang, "review");
      await portal.transition(reviewer, item.id, lang, "approved");
      await portal.transition(reviewer, item.id, lang, "published");
    }
    count++;
  }
  return count;
}
