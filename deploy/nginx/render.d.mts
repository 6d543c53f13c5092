/** The template's variables from environment variables (SITE_URL, PUBLIC_CMS_URL, NGINX_*). */
export declare const nginxVariables: (env: Record<string, string | undefined>) => Record<string, string>;
/** deploy/nginx/toasoan.conf.template rendered; throws naming the bad or missing variable. */
export declare const renderNginx: (env: Record<string, string | undefined>) => string;
