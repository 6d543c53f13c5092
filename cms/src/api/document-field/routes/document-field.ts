import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::document-field.document-field');
