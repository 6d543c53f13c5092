import type { Core } from '@strapi/strapi';
import { createCounters } from '../../../engagement/counters';

export default ({ strapi }: { strapi: Core.Strapi }) => createCounters(strapi);
