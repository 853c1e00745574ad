import { buildSchema, isObjectType, isScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/server.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const ownTypes = Object.values(schema.getTypeMap()).filter(
  (type) =>
    !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name),
);

describe('schema documentation', () => {
  it('describes every type', () => {
    expect(ownTypes.filter((type) => !type.description?.trim()).map((type) => type.name)).toEqual(
      [],
    );
  });

  it('describes every field and argument', () => {
    const undocumented: string[] = [];
    for (const type of ownTypes) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) undocumented.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!arg.description?.trim())
            undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('declares DateTime as a custom scalar', () => {
    expect(isScalarType(schema.getType('DateTime'))).toBe(true);
  });
});
