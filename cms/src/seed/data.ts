// The demo newsroom: a fictional district-level political training centre ("thị xã Phú Lâm" does
// not exist; every person named here is invented).
import type { Scene, Palette } from './images';

export const UNIT = 'Trung tâm Bồi dưỡng chính trị thị xã Phú Lâm';
export const TOWN = 'thị xã Phú Lâm';

export interface CategorySeed {
  key: string;
  name: string;
  description: string;
  order: number;
  parent?: string;
}

export const CATEGORIES: CategorySeed[] = [
  { key: 'tin-tuc', name: 'Tin tức - Sự kiện', order: 1, description: 'Tin hoạt động của Trung tâm, Đảng bộ và chính quyền thị xã.' },
  { key: 'hoc-tap', name: 'Học tập và làm theo Bác', order: 2, description: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.' },
  { key: 'guong', name: 'Gương điển hình tiên tiến', order: 3, parent: 'hoc-tap', description: 'Những tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác.' },
  { key: 'xay-dung-dang', name: 'Xây dựng Đảng', order: 4, description: 'Công tác xây dựng, chỉnh đốn Đảng; kiểm tra, giám sát; bồi dưỡng lý luận chính trị.' },
  { key: 'van-hoa', name: 'Văn hóa - Xã hội', order: 5, description: 'Đời sống văn hóa, giáo dục, an sinh xã hội trên địa bàn thị xã.' },
];

export const TAGS: Record<string, string> = {
  'hoc-tap': 'học tập',
  'dang-bo': 'Đảng bộ',
  'chuyen-doi-so': 'chuyển đổi số',
  'boi-duong': 'bồi dưỡng chính trị',
  'nong-thon-moi': 'nông thôn mới',
  'an-sinh': 'an sinh xã hội',
  'thanh-nien': 'thanh niên',
  'di-tich': 'di tích lịch sử',
  'kiem-tra': 'kiểm tra, giám sát',
  'nghi-quyet': 'nghị quyết',
};

export const AUTHORS = ['Minh Anh', 'Thu Hà', 'Quang Huy', 'Ngọc Lan', 'Hoàng Long', 'Phương Thảo', 'Đức Thắng'];
export const SOURCES = [
  UNIT,
  'Ban Tuyên giáo Thị ủy Phú Lâm',
  'Trung tâm Văn hóa - Thể thao và Truyền thông thị xã',
  'Văn phòng Thị ủy Phú Lâm',
];

export interface ArticleSeed {
  title: string;
  lead: string;
  category: string;
  tags: string[];
  paragraphs: string[];
  /** Caption of the photo inside the body. */
  figure: string;
  scene: Scene;
  quote?: string;
  featured?: boolean;
  draft?: boolean;
}

// Newest first: article i is dated about i × 23 days before 1 November 2026.
export const ARTICLES: ArticleSeed[] = [
  {
    title: 'Khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới năm 2026',
    lead: 'Sáng nay, Trung tâm Bồi dưỡng chính trị thị xã Phú Lâm khai giảng lớp bồi dưỡng lý luận chính trị dành cho 86 đảng viên mới thuộc các chi bộ, đảng bộ cơ sở.',
    category: 'tin-tuc',
    tags: ['boi-duong', 'dang-bo', 'hoc-tap'],
    paragraphs: [
      'Trong thời gian 7 ngày, học viên được nghiên cứu, học tập các chuyên đề về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, lịch sử Đảng Cộng sản Việt Nam, Điều lệ Đảng và nhiệm vụ của đảng viên. Chương trình năm nay bổ sung chuyên đề về lịch sử Đảng bộ thị xã và trách nhiệm của đảng viên trong chuyển đổi số.',
      'Phát biểu khai giảng, đồng chí Giám đốc Trung tâm đề nghị học viên nghiêm túc chấp hành nội quy, tích cực trao đổi, liên hệ thực tiễn tại chi bộ, coi việc học tập là nhiệm vụ thường xuyên của người đảng viên.',
    ],
    figure: 'Các đại biểu dự lễ khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới',
    scene: 'class',
    featured: true,
  },
  {
    title: 'Đảng bộ thị xã Phú Lâm sơ kết 5 năm thực hiện Kết luận số 01 của Bộ Chính trị',
    lead: 'Hội nghị đánh giá việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đã đi vào chiều sâu, gắn với giải quyết những vấn đề bức xúc ở cơ sở.',
    category: 'hoc-tap',
    tags: ['dang-bo', 'hoc-tap', 'nghi-quyet'],
    paragraphs: [
      'Qua 5 năm, các tổ chức cơ sở đảng trong Đảng bộ thị xã đã đưa nội dung học tập chuyên đề hằng năm vào sinh hoạt chi bộ định kỳ; 100% cán bộ, đảng viên xây dựng kế hoạch làm theo Bác gắn với nhiệm vụ chuyên môn. Nhiều mô hình hay như "Dân vận khéo", "Chi bộ bốn tốt" được nhân rộng.',
      'Hội nghị đã khen thưởng 12 tập thể và 25 cá nhân có thành tích tiêu biểu; đồng thời chỉ ra những hạn chế cần khắc phục như việc nêu gương ở một số nơi còn hình thức, chưa thường xuyên.',
    ],
    figure: 'Lãnh đạo Thị ủy trao giấy khen cho các tập thể tiêu biểu',
    scene: 'hall',
    quote: 'Một tấm gương sống còn có giá trị hơn một trăm bài diễn văn tuyên truyền. — Chủ tịch Hồ Chí Minh',
    featured: true,
  },
  {
    title: 'Hội nghị học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XXI',
    lead: 'Hơn 500 cán bộ chủ chốt của thị xã tham dự hội nghị trực tiếp và trực tuyến đến 18 điểm cầu xã, phường.',
    category: 'xay-dung-dang',
    tags: ['nghi-quyet', 'dang-bo', 'hoc-tap', 'chuyen-doi-so'],
    paragraphs: [
      'Các báo cáo viên đã truyền đạt những nội dung cơ bản, cốt lõi của Nghị quyết, trong đó nhấn mạnh các mục tiêu phát triển kinh tế - xã hội giai đoạn 2025 - 2030, ba khâu đột phá chiến lược và các nhiệm vụ trọng tâm về xây dựng, chỉnh đốn Đảng.',
      'Sau hội nghị, các chi bộ, đảng bộ cơ sở tổ chức học tập cho đảng viên; mỗi đảng viên viết bài thu hoạch, liên hệ với nhiệm vụ của bản thân và đơn vị.',
    ],
    figure: 'Quang cảnh hội nghị tại điểm cầu trung tâm thị xã',
    scene: 'hall',
    featured: true,
  },
  {
    title: '(Bản nháp) Kế hoạch tổ chức Hội thi báo cáo viên giỏi cấp thị xã năm 2027',
    lead: 'Bản nháp đang chờ duyệt: dự kiến tổ chức hội thi trong quý II năm 2027.',
    category: 'tin-tuc',
    tags: ['boi-duong'],
    paragraphs: [
      'Nội dung đang được Ban biên tập hoàn thiện, chưa công bố.',
      'Thời gian, địa điểm và thể lệ hội thi sẽ được thông báo sau.',
    ],
    figure: 'Ảnh minh họa hội thi báo cáo viên',
    scene: 'class',
    draft: true,
  },
  {
    title: 'Phường Đông Sơn ra mắt mô hình "Chi bộ số" trong sinh hoạt đảng',
    lead: 'Đảng viên có thể nhận tài liệu, theo dõi nghị quyết và góp ý dự thảo ngay trên điện thoại thông minh.',
    category: 'xay-dung-dang',
    tags: ['chuyen-doi-so', 'dang-bo'],
    paragraphs: [
      'Mô hình được triển khai thí điểm tại 6 chi bộ khu dân cư với 214 đảng viên. Tài liệu sinh hoạt được gửi trước ít nhất ba ngày, giúp buổi sinh hoạt tập trung vào thảo luận thay vì đọc văn bản.',
      'Sau sáu tháng, tỷ lệ đảng viên dự sinh hoạt đạt trên 95%, nhiều ý kiến đóng góp được tổng hợp nhanh, đầy đủ hơn so với cách làm truyền thống.',
    ],
    figure: 'Đảng viên chi bộ khu phố 3 sử dụng ứng dụng "Chi bộ số"',
    scene: 'office',
  },
  {
    title: 'Người cựu chiến binh gần 30 năm giữ lửa phong trào khuyến học',
    lead: 'Ông Trần Văn Bình, xóm Đồng Tâm, xã Tân Phú dành dụm tiền lương hưu lập quỹ khuyến học, giúp hàng trăm học sinh nghèo đến trường.',
    category: 'guong',
    tags: ['hoc-tap', 'an-sinh'],
    paragraphs: [
      'Từ những ngày đầu chỉ có vài trăm nghìn đồng, đến nay quỹ khuyến học của dòng họ do ông vận động đã lên tới hơn 300 triệu đồng. Mỗi năm, quỹ trao hàng chục suất học bổng cho học sinh vượt khó, học giỏi.',
      'Với ông, làm theo lời Bác không phải điều gì to tát, mà là việc nhỏ làm thường xuyên, bền bỉ và xuất phát từ tấm lòng.',
    ],
    figure: 'Ông Trần Văn Bình trao học bổng cho học sinh xã Tân Phú',
    scene: 'village',
    quote: 'Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người. — Chủ tịch Hồ Chí Minh',
    featured: true,
  },
  {
    title: 'Thị xã Phú Lâm đón nhận Bằng công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới',
    lead: 'Sau hơn 15 năm thực hiện chương trình, toàn bộ 10 xã của thị xã đã đạt chuẩn nông thôn mới, 4 xã đạt chuẩn nâng cao.',
    category: 'tin-tuc',
    tags: ['nong-thon-moi', 'dang-bo'],
    paragraphs: [
      'Thu nhập bình quân đầu người khu vực nông thôn đạt 68 triệu đồng/năm, tăng gấp 4 lần so với năm 2010; tỷ lệ hộ nghèo còn dưới 1%. Hệ thống giao thông, trường học, trạm y tế được đầu tư đồng bộ.',
      'Phát biểu tại buổi lễ, lãnh đạo thị xã khẳng định thành quả có được nhờ sự vào cuộc của cả hệ thống chính trị và sự đồng thuận của Nhân dân.',
    ],
    figure: 'Lễ đón nhận Bằng công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới',
    scene: 'landscape',
  },
  {
    title: 'Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã',
    lead: 'Hơn 200 cán bộ, công chức cấp xã được hướng dẫn sử dụng chữ ký số, hệ thống quản lý văn bản và dịch vụ công trực tuyến.',
    category: 'tin-tuc',
    tags: ['chuyen-doi-so', 'boi-duong'],
    paragraphs: [
      'Lớp học được tổ chức theo hình thức "cầm tay chỉ việc": mỗi học viên thực hành trực tiếp trên máy tính các thao tác tiếp nhận, xử lý hồ sơ trực tuyến và ký số văn bản.',
      'Kết thúc lớp học, 100% học viên đạt yêu cầu bài kiểm tra thực hành.',
    ],
    figure: 'Học viên thực hành ký số văn bản trên máy tính',
    scene: 'class',
  },
  {
    title: 'Ủy ban Kiểm tra Thị ủy giám sát chuyên đề tại Đảng bộ phường Bắc Sơn',
    lead: 'Nội dung giám sát tập trung vào việc lãnh đạo thực hiện công tác cán bộ và quản lý đất đai.',
    category: 'xay-dung-dang',
    tags: ['kiem-tra', 'dang-bo'],
    paragraphs: [
      'Đoàn giám sát đánh giá Ban Thường vụ Đảng ủy phường đã ban hành đầy đủ quy chế làm việc, thực hiện đúng quy trình về công tác cán bộ; việc quản lý đất đai có chuyển biến tích cực.',
      'Đoàn cũng chỉ ra một số hạn chế và đề nghị Đảng ủy phường có kế hoạch khắc phục trong quý tới.',
    ],
    figure: 'Đoàn giám sát làm việc với Ban Thường vụ Đảng ủy phường Bắc Sơn',
    scene: 'office',
  },
  {
    title: 'Lễ hội đền Thượng năm nay thu hút hàng chục nghìn lượt du khách',
    lead: 'Lễ hội được tổ chức trang trọng, an toàn, giữ gìn bản sắc văn hóa truyền thống của địa phương.',
    category: 'van-hoa',
    tags: ['di-tich'],
    paragraphs: [
      'Phần lễ gồm lễ rước kiệu, lễ dâng hương tưởng niệm các bậc tiền nhân có công với đất nước. Phần hội có nhiều trò chơi dân gian như kéo co, đánh đu, cờ người, thi hát dân ca.',
      'Ban tổ chức bố trí lực lượng bảo đảm an ninh trật tự, vệ sinh môi trường, không để xảy ra tình trạng chèo kéo, ép giá.',
    ],
    figure: 'Đoàn rước kiệu trong lễ hội đền Thượng',
    scene: 'monument',
    featured: true,
  },
  {
    title: 'Học tập và làm theo Bác từ những việc làm cụ thể ở Trường Tiểu học Hòa Bình',
    lead: 'Mỗi thầy cô giáo đăng ký ít nhất một việc làm theo Bác gắn với đổi mới phương pháp dạy học.',
    category: 'hoc-tap',
    tags: ['hoc-tap'],
    paragraphs: [
      'Nhà trường duy trì "Góc Bác Hồ" trong mỗi lớp học, tổ chức kể chuyện về Bác vào giờ chào cờ đầu tuần. Nhiều thầy cô tự làm đồ dùng dạy học, kèm cặp học sinh có hoàn cảnh khó khăn.',
      'Năm học vừa qua, nhà trường có 95% học sinh hoàn thành tốt nhiệm vụ học tập, không có học sinh bỏ học.',
    ],
    figure: 'Học sinh nghe kể chuyện về Bác Hồ trong giờ chào cờ',
    scene: 'class',
  },
  {
    title: 'Trao 120 căn nhà đại đoàn kết cho hộ nghèo, hộ gia đình chính sách',
    lead: 'Nguồn kinh phí được huy động từ Quỹ "Vì người nghèo" các cấp và sự đóng góp của doanh nghiệp, nhà hảo tâm.',
    category: 'van-hoa',
    tags: ['an-sinh'],
    paragraphs: [
      'Mỗi căn nhà được hỗ trợ từ 50 đến 60 triệu đồng; các đoàn thể huy động hàng nghìn ngày công giúp các gia đình xây dựng, sửa chữa nhà ở.',
      'Niềm vui của các hộ gia đình khi có nơi ở khang trang là động lực để họ yên tâm phát triển kinh tế, vươn lên thoát nghèo bền vững.',
    ],
    figure: 'Trao nhà đại đoàn kết cho hộ nghèo tại xã Thành Công',
    scene: 'village',
  },
  {
    title: 'Tổng kết công tác xây dựng Đảng năm 2025: nhiều chỉ tiêu vượt kế hoạch',
    lead: 'Toàn Đảng bộ kết nạp 312 đảng viên mới, đạt 104% chỉ tiêu; 92% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.',
    category: 'xay-dung-dang',
    tags: ['dang-bo', 'nghi-quyet'],
    paragraphs: [
      'Công tác giáo dục chính trị, tư tưởng được chú trọng; việc học tập, quán triệt các nghị quyết của Đảng được tổ chức nghiêm túc, kịp thời. Công tác kiểm tra, giám sát được tăng cường, góp phần giữ nghiêm kỷ luật, kỷ cương.',
      'Năm 2026, Đảng bộ tập trung nâng cao chất lượng sinh hoạt chi bộ, đẩy mạnh chuyển đổi số trong công tác đảng.',
    ],
    figure: 'Hội nghị tổng kết công tác xây dựng Đảng năm 2025',
    scene: 'hall',
  },
  {
    title: 'Thanh niên Phú Lâm ra quân Chiến dịch Thanh niên tình nguyện hè',
    lead: 'Hơn 1.500 đoàn viên, thanh niên tham gia các công trình, phần việc vì cộng đồng.',
    category: 'van-hoa',
    tags: ['thanh-nien', 'nong-thon-moi'],
    paragraphs: [
      'Các hoạt động trọng tâm gồm: làm đường giao thông nông thôn, thắp sáng đường quê, hướng dẫn người dân cài đặt ứng dụng định danh điện tử và thanh toán không dùng tiền mặt.',
      'Chiến dịch cũng tổ chức các lớp học kỹ năng, hoạt động vui chơi cho thiếu nhi trong dịp hè.',
    ],
    figure: 'Đoàn viên thanh niên tham gia ra quân chiến dịch tình nguyện hè',
    scene: 'landscape',
  },
  {
    title: 'Cô giáo vùng cao mang chữ đến với trẻ em dân tộc thiểu số',
    lead: 'Mười tám năm gắn bó với điểm trường bản Khe Mo, cô Lò Thị Hoa là tấm gương tiêu biểu trong học tập và làm theo Bác.',
    category: 'guong',
    tags: ['hoc-tap'],
    paragraphs: [
      'Ngoài giờ lên lớp, cô Hoa tới từng nhà vận động học sinh đi học chuyên cần, mở lớp xóa mù chữ cho phụ nữ trong bản vào buổi tối.',
      'Cô được Chủ tịch UBND tỉnh tặng Bằng khen vì có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
    ],
    figure: 'Cô giáo Lò Thị Hoa trong giờ lên lớp tại điểm trường bản Khe Mo',
    scene: 'class',
  },
  {
    title: 'Kỳ họp thứ mười HĐND thị xã thông qua 14 nghị quyết quan trọng',
    lead: 'Các nghị quyết tập trung vào kế hoạch đầu tư công, phát triển đô thị và chính sách hỗ trợ người có công.',
    category: 'tin-tuc',
    tags: ['nghi-quyet'],
    paragraphs: [
      'Tại kỳ họp, các đại biểu đã thảo luận sôi nổi, chất vấn những vấn đề cử tri quan tâm như tiến độ giải phóng mặt bằng, chất lượng các công trình xây dựng cơ bản, xử lý ô nhiễm môi trường.',
      'Chủ tọa kỳ họp đề nghị UBND thị xã khẩn trương cụ thể hóa các nghị quyết, sớm đưa vào cuộc sống.',
    ],
    figure: 'Các đại biểu biểu quyết thông qua nghị quyết tại kỳ họp',
    scene: 'hall',
  },
  {
    title: 'Bảo tồn và phát huy giá trị di tích lịch sử Đình làng Vạn Phúc',
    lead: 'Di tích được xếp hạng cấp quốc gia năm 1994 vừa hoàn thành tu bổ, tôn tạo.',
    category: 'van-hoa',
    tags: ['di-tich'],
    paragraphs: [
      'Công trình được tu bổ theo nguyên tắc giữ gìn tối đa yếu tố gốc; các mảng chạm khắc gỗ thời Lê được gia cố, phục hồi cẩn thận.',
      'Đình làng Vạn Phúc là địa chỉ giáo dục truyền thống cho thế hệ trẻ của thị xã.',
    ],
    figure: 'Đình làng Vạn Phúc sau khi tu bổ, tôn tạo',
    scene: 'monument',
  },
  {
    title: 'Nâng cao chất lượng đội ngũ báo cáo viên cơ sở',
    lead: 'Ban Tuyên giáo Thị ủy tổ chức tập huấn nghiệp vụ cho 150 báo cáo viên, tuyên truyền viên cơ sở.',
    category: 'xay-dung-dang',
    tags: ['boi-duong', 'hoc-tap'],
    paragraphs: [
      'Học viên được trang bị kỹ năng nắm bắt dư luận xã hội, phương pháp tuyên truyền miệng và đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng.',
      'Nhiều báo cáo viên chia sẻ kinh nghiệm sử dụng video ngắn, hình ảnh trực quan để buổi sinh hoạt hấp dẫn hơn.',
    ],
    figure: 'Báo cáo viên trao đổi kinh nghiệm tại lớp tập huấn',
    scene: 'class',
  },
  {
    title: 'Phú Lâm đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính',
    lead: 'Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt 78%, đứng đầu các địa phương cấp huyện trong tỉnh.',
    category: 'tin-tuc',
    tags: ['chuyen-doi-so'],
    paragraphs: [
      'Bộ phận một cửa thị xã bố trí tổ hỗ trợ người dân nộp hồ sơ trực tuyến; kết quả giải quyết được trả qua dịch vụ bưu chính công ích hoặc bản điện tử có giá trị pháp lý.',
      'Thời gian tới, thị xã tiếp tục số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, hướng tới chính quyền số phục vụ người dân tốt hơn.',
    ],
    figure: 'Người dân được hướng dẫn nộp hồ sơ trực tuyến tại Bộ phận một cửa',
    scene: 'office',
  },
  {
    title: 'Chi bộ khu dân cư số 5 làm tốt công tác dân vận',
    lead: 'Từ việc lắng nghe ý kiến Nhân dân, chi bộ đã vận động các hộ hiến hơn 2.000 m² đất mở rộng đường ngõ xóm.',
    category: 'guong',
    tags: ['dang-bo', 'nong-thon-moi'],
    paragraphs: [
      'Bí thư chi bộ cùng các đảng viên đến từng hộ gia đình, giải thích lợi ích của việc mở rộng đường, đảng viên gương mẫu hiến đất trước.',
      'Con đường mới rộng 5 mét, có hệ thống chiếu sáng và cây xanh, là niềm tự hào của bà con khu dân cư.',
    ],
    figure: 'Con đường khu dân cư số 5 sau khi được mở rộng',
    scene: 'village',
  },
  {
    title: '(Bản nháp) Tin ảnh: Hoạt động chào mừng kỷ niệm ngày thành lập thị xã',
    lead: 'Bản nháp: chờ bổ sung ảnh và thông tin từ các phường, xã.',
    category: 'van-hoa',
    tags: [],
    paragraphs: ['Đang cập nhật.', 'Ban biên tập sẽ hoàn thiện sau khi nhận đủ ảnh.'],
    figure: 'Ảnh minh họa hoạt động chào mừng',
    scene: 'landscape',
    draft: true,
  },
  {
    title: 'Hội thi "Tìm hiểu lịch sử Đảng bộ thị xã" thu hút đông đảo đảng viên trẻ',
    lead: 'Hội thi gồm ba phần: chào hỏi, kiến thức và hùng biện, với sự tham gia của 12 đội thi.',
    category: 'xay-dung-dang',
    tags: ['dang-bo', 'hoc-tap', 'thanh-nien'],
    paragraphs: [
      'Các câu hỏi xoay quanh những mốc son lịch sử của Đảng bộ thị xã từ khi thành lập chi bộ đầu tiên năm 1938 đến nay, những phong trào thi đua tiêu biểu qua các thời kỳ.',
      'Giải Nhất thuộc về đội Đảng bộ phường Trung Thành với phần hùng biện ấn tượng về truyền thống cách mạng quê hương.',
    ],
    figure: 'Đội thi Đảng bộ phường Trung Thành trong phần thi hùng biện',
    scene: 'hall',
  },
  {
    title: 'Tết ấm cho người nghèo: trao hơn 3.000 suất quà tới các hộ khó khăn',
    lead: 'Tổng giá trị quà tặng gần 2 tỷ đồng, bảo đảm mọi người, mọi nhà đều được đón Tết.',
    category: 'van-hoa',
    tags: ['an-sinh'],
    paragraphs: [
      'Các đoàn công tác của thị xã đã đến thăm, tặng quà gia đình chính sách, người có công, hộ nghèo, cận nghèo, trẻ em có hoàn cảnh đặc biệt khó khăn.',
      'Nhiều doanh nghiệp, nhà hảo tâm đồng hành cùng chương trình, góp phần lan tỏa truyền thống "lá lành đùm lá rách".',
    ],
    figure: 'Lãnh đạo thị xã tặng quà Tết cho gia đình chính sách',
    scene: 'village',
  },
  {
    title: 'Phong cách làm việc khoa học, sâu sát của Bác Hồ và bài học cho cán bộ hôm nay',
    lead: 'Bài viết tham gia Cuộc thi viết về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025.',
    category: 'hoc-tap',
    tags: ['hoc-tap', 'boi-duong'],
    paragraphs: [
      'Phong cách làm việc của Bác là phong cách dân chủ, khoa học, sâu sát thực tiễn, nói đi đôi với làm. Bác thường xuyên đi cơ sở, gần gũi Nhân dân, lắng nghe ý kiến quần chúng.',
      'Học tập phong cách ấy, mỗi cán bộ hôm nay cần giảm hội họp, giấy tờ, dành nhiều thời gian xuống cơ sở, giải quyết dứt điểm những kiến nghị chính đáng của người dân.',
    ],
    figure: 'Cán bộ phường Nam Hòa đối thoại với người dân tại khu dân cư',
    scene: 'office',
    quote: 'Nói phải đi đôi với làm. — Chủ tịch Hồ Chí Minh',
  },
  {
    title: 'Phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước',
    lead: 'Thị ủy Phú Lâm thành lập mới 3 chi bộ trong doanh nghiệp tư nhân, kết nạp 27 đảng viên là công nhân lao động.',
    category: 'xay-dung-dang',
    tags: ['dang-bo'],
    paragraphs: [
      'Ban Thường vụ Thị ủy giao các đảng ủy phường nắm tình hình doanh nghiệp trên địa bàn, phối hợp với tổ chức công đoàn bồi dưỡng quần chúng ưu tú.',
      'Chủ doanh nghiệp đánh giá tổ chức đảng ra đời góp phần ổn định tư tưởng người lao động, xây dựng quan hệ lao động hài hòa.',
    ],
    figure: 'Lễ kết nạp đảng viên tại Chi bộ Công ty TNHH May Phú Lâm',
    scene: 'hall',
  },
  {
    title: 'Khánh thành Nhà văn hóa tổ dân phố Cầu Đá',
    lead: 'Công trình có tổng kinh phí 2,4 tỷ đồng, trong đó Nhân dân đóng góp hơn 800 triệu đồng.',
    category: 'van-hoa',
    tags: ['nong-thon-moi'],
    paragraphs: [
      'Nhà văn hóa có hội trường 150 chỗ ngồi, sân thể thao và khu vui chơi cho trẻ em, là nơi sinh hoạt cộng đồng của hơn 400 hộ dân.',
      'Tổ dân phố cũng thành lập câu lạc bộ dưỡng sinh, câu lạc bộ văn nghệ để phát huy hiệu quả công trình.',
    ],
    figure: 'Cắt băng khánh thành Nhà văn hóa tổ dân phố Cầu Đá',
    scene: 'monument',
  },
  {
    title: 'Triển khai chuyên đề học tập và làm theo Bác năm 2025',
    lead: 'Chuyên đề năm nay đề cao tinh thần đoàn kết, tự lực, tự cường, phát huy khát vọng phát triển đất nước.',
    category: 'hoc-tap',
    tags: ['hoc-tap', 'dang-bo', 'nghi-quyet'],
    paragraphs: [
      'Hội nghị được tổ chức trực tuyến đến các điểm cầu xã, phường với hơn 1.200 cán bộ, đảng viên tham dự.',
      'Các cấp ủy được yêu cầu đưa nội dung chuyên đề vào sinh hoạt chi bộ, gắn với kiểm điểm, đánh giá xếp loại đảng viên cuối năm.',
    ],
    figure: 'Đại biểu dự hội nghị triển khai chuyên đề năm 2025',
    scene: 'hall',
  },
  {
    title: 'Mô hình "Cánh đồng lớn" giúp nông dân Tân Phú tăng thu nhập',
    lead: 'Liên kết sản xuất lúa chất lượng cao trên diện tích 120 ha mang lại lợi nhuận cao hơn 25% so với sản xuất nhỏ lẻ.',
    category: 'tin-tuc',
    tags: ['nong-thon-moi'],
    paragraphs: [
      'Hợp tác xã đứng ra ký hợp đồng bao tiêu sản phẩm, cung ứng giống, phân bón và hướng dẫn quy trình canh tác theo tiêu chuẩn VietGAP.',
      'Việc cơ giới hóa đồng bộ từ làm đất đến thu hoạch giúp giảm chi phí nhân công, giải phóng sức lao động.',
    ],
    figure: 'Thu hoạch lúa trên cánh đồng lớn xã Tân Phú',
    scene: 'landscape',
  },
  {
    title: 'Kiểm tra việc thực hiện quy định về những điều đảng viên không được làm',
    lead: 'Ủy ban Kiểm tra Thị ủy kiểm tra 8 tổ chức đảng và 16 đảng viên trong năm.',
    category: 'xay-dung-dang',
    tags: ['kiem-tra', 'dang-bo'],
    paragraphs: [
      'Qua kiểm tra, phần lớn đảng viên chấp hành nghiêm quy định; một số trường hợp vi phạm đã được xem xét, xử lý kịp thời, đúng quy trình.',
      'Cấp ủy các cấp được yêu cầu tăng cường giáo dục, quản lý đảng viên, phát hiện sớm vi phạm để uốn nắn.',
    ],
    figure: 'Ủy ban Kiểm tra Thị ủy họp xem xét kết quả kiểm tra',
    scene: 'office',
  },
  {
    title: 'Ngày hội văn hóa các dân tộc thị xã Phú Lâm lần thứ V',
    lead: 'Hơn 600 nghệ nhân, diễn viên quần chúng của 7 dân tộc tham gia trình diễn trang phục, ẩm thực và trò chơi dân gian.',
    category: 'van-hoa',
    tags: ['di-tich', 'thanh-nien'],
    paragraphs: [
      'Ngày hội là dịp để đồng bào các dân tộc giao lưu, học hỏi, góp phần bảo tồn và phát huy giá trị văn hóa truyền thống.',
      'Các tiết mục hát then, múa xòe, thi gói bánh chưng và thổi cơm thi thu hút đông đảo người dân, du khách.',
    ],
    figure: 'Tiết mục múa xòe tại Ngày hội văn hóa các dân tộc',
    scene: 'landscape',
  },
  {
    title: 'Tấm gương người bí thư chi bộ tận tụy với dân',
    lead: 'Hơn 20 năm làm bí thư chi bộ thôn, ông Nguyễn Đức Thịnh luôn gương mẫu, đi đầu trong mọi phong trào.',
    category: 'guong',
    tags: ['dang-bo', 'hoc-tap'],
    paragraphs: [
      'Dưới sự lãnh đạo của chi bộ, thôn Đồng Mới trở thành thôn nông thôn mới kiểu mẫu đầu tiên của xã; nhiều năm liền không có đơn thư vượt cấp.',
      'Ông chia sẻ bí quyết là luôn công khai, minh bạch, bàn bạc dân chủ với Nhân dân trước khi quyết định mọi việc chung.',
    ],
    figure: 'Ông Nguyễn Đức Thịnh trò chuyện với người dân thôn Đồng Mới',
    scene: 'village',
  },
  {
    title: 'Tổng kết năm học 2024 - 2025 tại Trung tâm Bồi dưỡng chính trị',
    lead: 'Trung tâm đã mở 42 lớp với hơn 3.800 lượt học viên, vượt 15% kế hoạch.',
    category: 'tin-tuc',
    tags: ['boi-duong', 'hoc-tap'],
    paragraphs: [
      'Chất lượng giảng dạy được nâng lên; 100% giảng viên, báo cáo viên kiêm chức có bài giảng điện tử. Trung tâm đưa vào sử dụng hệ thống quản lý học viên trực tuyến.',
      'Năm học mới, Trung tâm phấn đấu đạt chuẩn mức 1 theo quy định, tiếp tục đổi mới nội dung, phương pháp giảng dạy.',
    ],
    figure: 'Giám đốc Trung tâm báo cáo kết quả năm học',
    scene: 'office',
  },
  {
    title: 'Đảng bộ thị xã Phú Lâm tổ chức Đại hội đại biểu lần thứ XXIII',
    lead: 'Đại hội bầu Ban Chấp hành Đảng bộ thị xã khóa mới gồm 37 đồng chí, xác định mục tiêu xây dựng Phú Lâm trở thành đô thị xanh, thông minh.',
    category: 'xay-dung-dang',
    tags: ['dang-bo', 'nghi-quyet'],
    paragraphs: [
      'Đại hội thảo luận, thông qua báo cáo chính trị với 18 chỉ tiêu chủ yếu và 3 khâu đột phá: hạ tầng đô thị, chuyển đổi số và phát triển nguồn nhân lực.',
      'Đại hội cũng bầu đoàn đại biểu dự Đại hội Đảng bộ tỉnh gồm 15 đồng chí.',
    ],
    figure: 'Toàn cảnh Đại hội đại biểu Đảng bộ thị xã lần thứ XXIII',
    scene: 'hall',
    featured: true,
  },
  {
    title: 'Hiến máu tình nguyện: hơn 700 đơn vị máu được tiếp nhận',
    lead: 'Ngày hội "Giọt hồng tri ân" thu hút đông đảo cán bộ, đoàn viên, sinh viên và người dân tham gia.',
    category: 'van-hoa',
    tags: ['thanh-nien', 'an-sinh'],
    paragraphs: [
      'Nhiều người đã hiến máu từ 10 lần trở lên, trở thành tấm gương lan tỏa tinh thần nhân ái trong cộng đồng.',
      'Lượng máu tiếp nhận góp phần bảo đảm nguồn máu cho công tác cấp cứu, điều trị tại các bệnh viện trong tỉnh.',
    ],
    figure: 'Đoàn viên thanh niên tham gia hiến máu tình nguyện',
    scene: 'office',
  },
  {
    title: 'Đưa Nghị quyết về chuyển đổi số vào cuộc sống ở cấp cơ sở',
    lead: 'Các tổ công nghệ số cộng đồng đã hỗ trợ hơn 20.000 lượt người dân sử dụng dịch vụ công và thanh toán điện tử.',
    category: 'tin-tuc',
    tags: ['chuyen-doi-so', 'nghi-quyet'],
    paragraphs: [
      'Mỗi tổ công nghệ số cộng đồng gồm cán bộ thôn, đoàn viên thanh niên và người có hiểu biết về công nghệ, đến từng hộ gia đình hướng dẫn.',
      'Nhờ đó, nhiều người cao tuổi đã biết sử dụng điện thoại để nhận lương hưu, đóng tiền điện, tiền nước mà không phải đến quầy giao dịch.',
    ],
    figure: 'Tổ công nghệ số cộng đồng hướng dẫn người cao tuổi sử dụng điện thoại',
    scene: 'village',
  },
];

/** Extra paragraphs appended to some bodies, by category. */
export const CLOSING_PARAGRAPHS: Record<string, string[]> = {
  'tin-tuc': [
    'Thời gian tới, các cơ quan, đơn vị tiếp tục theo dõi, đôn đốc việc triển khai, định kỳ báo cáo kết quả về Thường trực Thị ủy, UBND thị xã.',
    'Những kết quả đạt được là tiền đề quan trọng để thị xã thực hiện thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2026.',
  ],
  'hoc-tap': [
    'Việc học tập và làm theo Bác đã trở thành nhu cầu tự giác, thường xuyên của mỗi cán bộ, đảng viên, góp phần xây dựng Đảng bộ trong sạch, vững mạnh.',
  ],
  guong: [
    'Những tấm gương bình dị ấy đang ngày ngày góp phần lan tỏa tinh thần học tập và làm theo Bác trong cộng đồng.',
  ],
  'xay-dung-dang': [
    'Đảng bộ thị xã xác định công tác xây dựng Đảng là then chốt, trong đó nâng cao chất lượng sinh hoạt chi bộ và chất lượng đảng viên là nhiệm vụ thường xuyên.',
    'Cấp ủy các cấp cần tăng cường nắm bắt tình hình tư tưởng cán bộ, đảng viên, kịp thời định hướng dư luận xã hội.',
  ],
  'van-hoa': [
    'Phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" tiếp tục được triển khai sâu rộng, góp phần nâng cao đời sống tinh thần của Nhân dân.',
  ],
};

export const CATEGORY_PALETTE: Record<string, Palette> = {
  'tin-tuc': 'news',
  'hoc-tap': 'study',
  guong: 'study',
  'xay-dung-dang': 'party',
  'van-hoa': 'culture',
};

export type DocumentKind =
  | 'cong-van'
  | 'huong-dan'
  | 'ke-hoach'
  | 'nghi-quyet'
  | 'chi-thi'
  | 'ket-luan'
  | 'quyet-dinh'
  | 'bao-cao'
  | 'thong-bao'
  | 'khac';

export interface DocumentSeed {
  number: string;
  title: string;
  kind: DocumentKind;
  issuer: string;
  signer: string;
  issuedAt: string;
  summary: string;
}

const BTG = 'Ban Tuyên giáo Thị ủy Phú Lâm';
const TU = 'Thị ủy Phú Lâm';
const UB = 'Ủy ban nhân dân thị xã Phú Lâm';

export const DOCUMENTS: DocumentSeed[] = [
  { number: '1182-CV/BTGTU', kind: 'cong-van', issuer: BTG, signer: 'Lê Thị Thanh Hương', issuedAt: '2026-10-20', title: 'Công văn về việc tuyên truyền kỷ niệm các ngày lễ lớn quý IV năm 2026', summary: 'Đề nghị các chi bộ, đảng bộ cơ sở tổ chức tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện lịch sử quan trọng trong quý IV năm 2026.' },
  { number: '128-HD/BTGTU', kind: 'huong-dan', issuer: BTG, signer: 'Lê Thị Thanh Hương', issuedAt: '2026-09-05', title: 'Hướng dẫn học tập chuyên đề năm 2026 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', summary: 'Hướng dẫn nội dung, hình thức tổ chức học tập chuyên đề năm 2026 cho cán bộ, đảng viên và Nhân dân.' },
  { number: '45-KH/TU', kind: 'ke-hoach', issuer: TU, signer: 'Nguyễn Văn Quảng', issuedAt: '2026-08-12', title: 'Kế hoạch học tập, quán triệt và triển khai thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XXI', summary: 'Kế hoạch tổ chức học tập, quán triệt nghị quyết đến toàn thể cán bộ, đảng viên trong Đảng bộ thị xã.' },
  { number: '12-NQ/TU', kind: 'nghi-quyet', issuer: TU, signer: 'Nguyễn Văn Quảng', issuedAt: '2026-06-30', title: 'Nghị quyết về đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan Đảng, chính quyền thị xã giai đoạn 2026 - 2030', summary: 'Xác định mục tiêu, nhiệm vụ và giải pháp chuyển đổi số trong hệ thống chính trị thị xã đến năm 2030.' },
  { number: '05-CT/TU', kind: 'chi-thi', issuer: TU, signer: 'Nguyễn Văn Quảng', issuedAt: '2026-04-18', title: 'Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác bồi dưỡng lý luận chính trị cho đảng viên', summary: 'Yêu cầu cấp ủy các cấp nâng cao chất lượng bồi dưỡng lý luận chính trị, gắn học tập với rèn luyện.' },
  { number: '21-KL/TU', kind: 'ket-luan', issuer: TU, signer: 'Phạm Minh Tuấn', issuedAt: '2026-02-10', title: 'Kết luận của Ban Thường vụ Thị ủy về kết quả sơ kết 5 năm thực hiện Kết luận số 01-KL/TW', summary: 'Đánh giá kết quả và đề ra nhiệm vụ tiếp tục đẩy mạnh học tập và làm theo Bác trong Đảng bộ thị xã.' },
  { number: '1025-QĐ/TU', kind: 'quyet-dinh', issuer: TU, signer: 'Phạm Minh Tuấn', issuedAt: '2025-12-22', title: 'Quyết định thành lập Ban Chỉ đạo học tập lý luận chính trị thị xã', summary: 'Thành lập Ban Chỉ đạo, quy định chức năng, nhiệm vụ và thành phần.' },
  { number: '356/QĐ-UBND', kind: 'quyet-dinh', issuer: UB, signer: 'Đỗ Quang Vinh', issuedAt: '2025-10-08', title: 'Quyết định ban hành Kế hoạch chuyển đổi số thị xã Phú Lâm năm 2026', summary: 'Ban hành kế hoạch chuyển đổi số với các nhiệm vụ về chính quyền số, kinh tế số và xã hội số.' },
  { number: '210-BC/TU', kind: 'bao-cao', issuer: TU, signer: 'Phạm Minh Tuấn', issuedAt: '2025-08-15', title: 'Báo cáo tổng kết công tác xây dựng Đảng nhiệm kỳ 2020 - 2025', summary: 'Tổng kết kết quả công tác xây dựng Đảng về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ trong nhiệm kỳ.' },
  { number: '87-TB/TU', kind: 'thong-bao', issuer: TU, signer: 'Nguyễn Văn Quảng', issuedAt: '2025-06-02', title: 'Thông báo kết luận của Thường trực Thị ủy về công tác chuẩn bị Đại hội Đảng bộ thị xã', summary: 'Thông báo ý kiến kết luận về tiến độ chuẩn bị văn kiện, nhân sự và công tác tổ chức Đại hội.' },
  { number: '64-CV/BTGTU', kind: 'cong-van', issuer: BTG, signer: 'Lê Thị Thanh Hương', issuedAt: '2025-04-11', title: 'Công văn về việc tổ chức Cuộc thi tìm hiểu lịch sử Đảng bộ thị xã', summary: 'Đề nghị các tổ chức cơ sở đảng động viên cán bộ, đảng viên tham gia cuộc thi.' },
  { number: '19-HD/BTGTU', kind: 'huong-dan', issuer: BTG, signer: 'Lê Thị Thanh Hương', issuedAt: '2025-02-20', title: 'Hướng dẫn sinh hoạt chi bộ theo chuyên đề năm 2025', summary: 'Hướng dẫn chủ đề, nội dung và cách thức tổ chức sinh hoạt chuyên đề tại chi bộ.' },
  { number: '38-KH/TTBDCT', kind: 'ke-hoach', issuer: UNIT, signer: 'Hoàng Thị Mai', issuedAt: '2025-01-06', title: 'Kế hoạch mở lớp bồi dưỡng lý luận chính trị năm 2025', summary: 'Kế hoạch mở lớp cho đảng viên mới, đối tượng kết nạp Đảng và cán bộ cơ sở trong năm 2025.' },
  { number: '15-BC/TTBDCT', kind: 'bao-cao', issuer: UNIT, signer: 'Hoàng Thị Mai', issuedAt: '2024-12-16', title: 'Báo cáo kết quả công tác bồi dưỡng chính trị năm 2024', summary: 'Báo cáo số lớp, số học viên, chất lượng đào tạo, bồi dưỡng và phương hướng năm 2025.' },
  { number: 'TL-01/TTBDCT', kind: 'khac', issuer: UNIT, signer: 'Hoàng Thị Mai', issuedAt: '2024-11-25', title: 'Tài liệu tham khảo về lịch sử Đảng bộ thị xã Phú Lâm (1938 - 2020)', summary: 'Tài liệu tóm tắt những mốc lịch sử quan trọng của Đảng bộ thị xã phục vụ học tập, giảng dạy.' },
];

export interface AlbumSeed {
  name: string;
  description: string;
  date: string;
  scene: Scene;
  images: { title: string; caption: string; scene: Scene }[];
}

export const ALBUMS: AlbumSeed[] = [
  {
    name: 'Đại hội Đảng bộ thị xã Phú Lâm lần thứ XXIII',
    description: 'Những hình ảnh tại Đại hội đại biểu Đảng bộ thị xã lần thứ XXIII, nhiệm kỳ 2025 - 2030.',
    date: '2025-07-18',
    scene: 'hall',
    images: [
      { title: 'Toàn cảnh phiên khai mạc Đại hội', caption: 'Toàn cảnh phiên khai mạc Đại hội đại biểu Đảng bộ thị xã lần thứ XXIII.', scene: 'hall' },
      { title: 'Đoàn chủ tịch điều hành Đại hội', caption: 'Đoàn chủ tịch điều hành phiên thảo luận báo cáo chính trị.', scene: 'hall' },
      { title: 'Đại biểu biểu quyết thông qua Nghị quyết', caption: 'Các đại biểu biểu quyết thông qua Nghị quyết Đại hội.', scene: 'hall' },
      { title: 'Ban Chấp hành khóa mới ra mắt', caption: 'Ban Chấp hành Đảng bộ thị xã khóa XXIII ra mắt Đại hội.', scene: 'hall' },
      { title: 'Đại biểu dâng hương tại Nhà tưởng niệm', caption: 'Đoàn đại biểu dâng hương tưởng niệm Chủ tịch Hồ Chí Minh trước Đại hội.', scene: 'monument' },
      { title: 'Trang trí cổ động chào mừng Đại hội', caption: 'Đường phố trung tâm thị xã rực rỡ cờ hoa chào mừng Đại hội.', scene: 'office' },
      { title: 'Phóng viên tác nghiệp tại Đại hội', caption: 'Phóng viên các cơ quan báo chí đưa tin về Đại hội.', scene: 'hall' },
    ],
  },
  {
    name: 'Lớp bồi dưỡng lý luận chính trị năm 2026',
    description: 'Hoạt động giảng dạy, học tập tại Trung tâm Bồi dưỡng chính trị thị xã năm 2026.',
    date: '2026-03-09',
    scene: 'class',
    images: [
      { title: 'Lễ khai giảng lớp đảng viên mới', caption: 'Lễ khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới.', scene: 'class' },
      { title: 'Giảng viên trình bày chuyên đề', caption: 'Giảng viên trình bày chuyên đề về lịch sử Đảng bộ thị xã.', scene: 'class' },
      { title: 'Học viên thảo luận nhóm', caption: 'Học viên thảo luận nhóm, liên hệ thực tiễn tại chi bộ.', scene: 'class' },
      { title: 'Học tập thực tế tại khu di tích', caption: 'Học viên học tập thực tế tại khu di tích lịch sử cách mạng của thị xã.', scene: 'monument' },
      { title: 'Kiểm tra cuối khóa', caption: 'Học viên làm bài kiểm tra cuối khóa.', scene: 'class' },
      { title: 'Trao giấy chứng nhận hoàn thành khóa học', caption: 'Lãnh đạo Trung tâm trao giấy chứng nhận cho học viên xuất sắc.', scene: 'hall' },
      { title: 'Thư viện Trung tâm', caption: 'Thư viện Trung tâm phục vụ học viên tra cứu tài liệu.', scene: 'office' },
    ],
  },
  {
    name: 'Phú Lâm - quê hương đổi mới',
    description: 'Diện mạo nông thôn mới, đô thị và di tích lịch sử trên địa bàn thị xã.',
    date: '2026-05-19',
    scene: 'landscape',
    images: [
      { title: 'Cánh đồng lúa xã Tân Phú mùa thu hoạch', caption: 'Cánh đồng lúa chất lượng cao xã Tân Phú vào mùa thu hoạch.', scene: 'landscape' },
      { title: 'Khu dân cư kiểu mẫu thôn Đồng Mới', caption: 'Đường làng sạch đẹp tại khu dân cư kiểu mẫu thôn Đồng Mới.', scene: 'village' },
      { title: 'Đình làng Vạn Phúc', caption: 'Đình làng Vạn Phúc, di tích lịch sử cấp quốc gia.', scene: 'monument' },
      { title: 'Trụ sở Thị ủy - HĐND - UBND thị xã', caption: 'Trụ sở làm việc của Thị ủy, HĐND, UBND thị xã Phú Lâm.', scene: 'office' },
      { title: 'Đồi chè Khe Mo', caption: 'Đồi chè xanh mướt ở bản Khe Mo.', scene: 'landscape' },
      { title: 'Nhà văn hóa tổ dân phố Cầu Đá', caption: 'Nhà văn hóa tổ dân phố Cầu Đá mới khánh thành.', scene: 'monument' },
    ],
  },
];

export const SITE = {
  siteName: UNIT,
  tagline: 'Cổng thông tin điện tử - Học tập, bồi dưỡng lý luận chính trị',
  address: 'Số 8 đường Lý Thường Kiệt, phường Trung Thành, thị xã Phú Lâm',
  phone: '0208 3 861 234',
  email: 'ttbdct@phulam.gov.vn',
  footer: [
    `**${UNIT.toUpperCase()}**`,
    '',
    'Địa chỉ: Số 8 đường Lý Thường Kiệt, phường Trung Thành, thị xã Phú Lâm  ',
    'Điện thoại: 0208 3 861 234 - Email: [ttbdct@phulam.gov.vn](mailto:ttbdct@phulam.gov.vn)  ',
    'Chịu trách nhiệm nội dung: Giám đốc Trung tâm Hoàng Thị Mai',
    '',
    `© ${UNIT}. Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.`,
  ].join('\n'),
  about: [
    `${UNIT} là đơn vị sự nghiệp trực thuộc Thị ủy và Ủy ban nhân dân thị xã, có chức năng tổ chức bồi dưỡng lý luận chính trị, nghiệp vụ công tác đảng, đoàn thể cho cán bộ, đảng viên và Nhân dân trên địa bàn.`,
    'Trung tâm mở các lớp bồi dưỡng nhận thức về Đảng, lớp đảng viên mới, lớp bồi dưỡng lý luận chính trị cho cán bộ cơ sở; phối hợp tổ chức học tập, quán triệt các nghị quyết, chỉ thị của Đảng và chính sách, pháp luật của Nhà nước.',
    'Cổng thông tin điện tử của Trung tâm đăng tải tin tức hoạt động, văn bản chỉ đạo, tư liệu - văn kiện và thư viện ảnh, phục vụ công tác tuyên truyền và học tập của cán bộ, đảng viên.',
  ].join('\n\n'),
};
