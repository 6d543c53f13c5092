import type { Core } from '@strapi/strapi';
import { createComments } from '../../../engagement/comments';

export default ({ strapi }: { strapi: Core.Strapi }) => createComments(strapi);
