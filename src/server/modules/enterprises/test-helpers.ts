// One factories module for every domain (src/server/test/factories/): kept here for the tests that import it.
export { enterpriseInputFor, newTaxCode } from '../../test/factories.js';
