// Pluggy's OpenAPI 3.1 spec as JSON Schema 2020-12 validators: one per operation, response status and media type.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// A verbatim copy of Pluggy's published spec (https://api.pluggy.ai/oas3.json, as in ../shared/pluggy-oas3.json).
const SPEC_FILE = new URL('../../fixtures/pluggy/pluggy-oas3.json', import.meta.url);

export type Spec = {
  paths: Record<string, Record<string, Operation>>;
};
export interface Operation {
  responses?: Record<string, Response>;
}
interface Response {
  content?: Record<
    string,
    { schema?: unknown; example?: unknown; examples?: Record<string, { value?: unknown }> }
  >;
}

export function loadSpec(): Spec {
  return JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec;
}

/**
 * Answers whose schema in the spec contradicts the spec's own example and Pluggy's SDK; checked against the
 * shape both of those show instead. Keep this list short and say why for each.
 */
const SPEC_ERRATA: Record<string, object> = {
  // Typed `array` of Category; its example and pluggy-sdk's `fetchCategories` are a page of them.
  'GET /categories 200': {
    type: 'object',
    required: ['results'],
    properties: {
      page: { type: 'number' },
      total: { type: 'number' },
      totalPages: { type: 'number' },
      results: { type: 'array', items: { $ref: 'pluggy-oas3#/components/schemas/Category' } },
    },
  },
};

const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The spec is added whole, so a response schema's `$ref: '#/components/schemas/…'` resolves inside it.
 * OpenAPI's own words (`nullable`, `example`, `format: double`) are known to the validator, not errors.
 */
export function createSpecValidator(spec: Spec = loadSpec()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  for (const format of ['double', 'float', 'integer', 'int32', 'int64', 'number'])
    ajv.addFormat(format, true);
  ajv.addSchema(spec as object, 'pluggy-oas3');
  const compiled = new Map<string, ValidateFunction>();
  const errata = new Map(
    Object.entries(SPEC_ERRATA).map(([answer, schema]) => [answer, ajv.compile(schema)] as const),
  );

  /**
   * The schema of `method path` answering `status`. A refusal the operation does not list (401 on an
   * expired key, 429, 410 of the legacy list) is held to the error body every Pluggy answer shares.
   */
  function validatorFor(method: string, path: string, status: number): ValidateFunction {
    const erratum = errata.get(`${method} ${path} ${status}`);
    if (erratum) return erratum;
    const op = spec.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`the spec has no operation ${method} ${path}`);
    const documented = op.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!documented && status < 400)
      throw new Error(`the spec documents no JSON answer ${status} for ${method} ${path}`);
    const pointer = documented
      ? [
          'paths',
          path,
          method.toLowerCase(),
          'responses',
          String(status),
          'content',
          'application/json',
          'schema',
        ]
          .map(escape)
          .join('/')
      : 'components/schemas/GlobalErrorResponse';
    const id = `pluggy-oas3#/${pointer}`;
    let validate = compiled.get(id);
    if (!validate) {
      validate = ajv.getSchema(id);
      if (!validate) throw new Error(`cannot compile ${id}`);
      compiled.set(id, validate);
    }
    return validate;
  }

  return {
    /** The problems of `body` as the answer `status` of `method path`, or [] when it conforms. */
    check(method: string, path: string, status: number, body: unknown): string[] {
      const validate = validatorFor(method, path, status);
      if (validate(body)) return [];
      return (validate.errors ?? []).map(describe);
    },
  };
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '(root)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`;
}
