import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const folder = path.join(import.meta.dirname, 'open311-georeport-v2');
const schema = (name: string) => JSON.parse(readFileSync(path.join(folder, name), 'utf8'));

/** The official GeoReport v2 JSON Schemas (see SOURCE.md beside them), compiled: validate(answer) or throw with the errors. */
export function open311Validator(list: 'services.json' | 'requests.json') {
	const ajv = new Ajv({ allErrors: true, strict: false });
	addFormats.default(ajv);
	for (const name of ['service.json', 'request.json', 'service-definition.json']) ajv.addSchema(schema(name), name);
	const validate = ajv.compile(schema(list));
	return (answer: unknown) => {
		if (!validate(answer)) throw new Error(`not valid against ${list}: ${ajv.errorsText(validate.errors)}`);
	};
}
