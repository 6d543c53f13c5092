/**
 * The CMS returns upload URLs either relative to itself ("/uploads/a.jpg", the local provider)
 * or absolute (a cloud provider / CDN). Relative ones are joined to STRAPI_URL keeping its path,
 * so a CMS mounted under a prefix (https://host/cms) still resolves to https://host/cms/uploads/a.jpg.
 */
export const resolveMediaUrl = (url: string | null | undefined, cmsUrl: string): string | undefined => {
  if (!url) return undefined;
  const value = url.trim();
  if (!value) return undefined;
  if (/^https?:\/\//i.test(value)) {
    try {
      return new URL(value).toString();
    } catch {
      return undefined;
    }
  }
  if (value.startsWith('//')) {
    const base = new URL(cmsUrl);
    return new URL(`${base.protocol}${value}`).toString();
  }
  // Anything else with a scheme (javascript:, data:, file:) is never a CMS upload.
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined;
  const base = cmsUrl.replace(/\/+$/, '');
  const path = value.startsWith('/') ? value : `/${value}`;
  return new URL(`${base}${path}`).toString();
};

/**
 * The address the build downloads an upload from: a URL under the public media base is fetched
 * from the CMS's build address (STRAPI_URL) instead, since the build machine may not reach the
 * public one (or should not go round through it). Other URLs are returned unchanged.
 */
export const buildFetchUrl = (url: string, mediaUrl: string, strapiUrl: string): string => {
  const media = mediaUrl.replace(/\/+$/, '');
  return url.startsWith(`${media}/`) ? `${strapiUrl.replace(/\/+$/, '')}${url.slice(media.length)}` : url;
};

/** True for a URL served by the CMS itself (same origin as the given base). */
export const isCmsUrl = (url: string, cmsUrl: string): boolean => {
  try {
    return new URL(url).origin === new URL(cmsUrl).origin;
  } catch {
    return false;
  }
};

/** "1,2 MB" / "350 KB" from a Strapi file size (which is in KB). */
export const formatFileSize = (sizeKb: number | null | undefined): string => {
  if (sizeKb == null || !Number.isFinite(sizeKb)) return '';
  if (sizeKb >= 1024) return `${(sizeKb / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(sizeKb)).toLocaleString('vi-VN')} KB`;
};
