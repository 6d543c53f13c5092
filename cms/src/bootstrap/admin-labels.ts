import type { Core } from '@strapi/strapi';

// Field names are an English contract for the API; editors see Vietnamese labels.
const LABELS: Record<string, Record<string, string>> = {
  'api::article.article': {
    title: 'Tiêu đề', slug: 'Đường dẫn', lead: 'Tóm tắt', body: 'Nội dung', cover: 'Ảnh đại diện',
    category: 'Chuyên mục', tags: 'Từ khóa', author: 'Tác giả', source: 'Nguồn tin',
    date: 'Ngày đăng', featured: 'Tin nổi bật',
  },
  'api::category.category': {
    name: 'Tên chuyên mục', slug: 'Đường dẫn', description: 'Mô tả', order: 'Thứ tự',
    parent: 'Chuyên mục cha', children: 'Chuyên mục con', articles: 'Tin bài',
  },
  'api::tag.tag': { name: 'Từ khóa', slug: 'Đường dẫn', articles: 'Tin bài' },
  'api::document.document': {
    number: 'Số hiệu', title: 'Trích yếu', slug: 'Đường dẫn', kind: 'Loại văn bản',
    issuer: 'Cơ quan ban hành', signer: 'Người ký', issuedAt: 'Ngày ban hành', file: 'Tệp văn bản',
    summary: 'Tóm tắt',
  },
  'api::album.album': {
    name: 'Tên album', slug: 'Đường dẫn', description: 'Mô tả', cover: 'Ảnh bìa', date: 'Ngày', images: 'Ảnh',
  },
  'api::gallery-image.gallery-image': {
    title: 'Tiêu đề', image: 'Ảnh', caption: 'Chú thích', takenAt: 'Thời điểm chụp', album: 'Album',
  },
  'api::site-setting.site-setting': {
    siteName: 'Tên trang', tagline: 'Khẩu hiệu', logo: 'Logo', footer: 'Chân trang', address: 'Địa chỉ',
    phone: 'Điện thoại', email: 'Thư điện tử', about: 'Giới thiệu',
  },
};

export const applyVietnameseLabels = async (strapi: Core.Strapi) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, labels] of Object.entries(LABELS)) {
    const contentType = contentTypes.findContentType(uid);
    if (!contentType) continue;
    const configuration = await contentTypes.findConfiguration(contentType);
    const metadatas = configuration.metadatas ?? {};
    let changed = false;
    for (const [field, label] of Object.entries(labels)) {
      const meta = metadatas[field];
      if (!meta) continue;
      if (meta.edit?.label !== label || meta.list?.label !== label) {
        meta.edit = { ...meta.edit, label };
        meta.list = { ...meta.list, label };
        changed = true;
      }
    }
    if (changed) {
      await contentTypes.updateConfiguration(contentType, { settings: configuration.settings, metadatas, layouts: configuration.layouts });
    }
  }
};
