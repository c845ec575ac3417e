import { EJSON } from 'bson';
import { parseWireEJSON } from '../../emulator/db/document-codec';

const now = Date.UTC(2026, 10, 26, 3, 0, 0);

/** Texts as the SDK encodes queries, updates and documents; bson's own parser is the oracle. */
const texts = [
  '{"$inc":{"arrivals":{"$numberInt":"1"}}}',
  '{"$and":[{"_id":"ev-1"},{"team":null,"signupOpensAt":{"$lte":{"$date":{"$numberLong":"1795663129265"}}}},{"$or":[{"membersOnly":false},{"hostOrgIds":{"$in":["org-a"]}}]}]}',
  '{"startAt":{"$date":"2026-12-01T03:18:40.963Z"},"old":{"$date":{"$numberLong":"-2208988800000"}},"n":{"$numberDouble":"1.5"},"inf":{"$numberDouble":"-Infinity"}}',
  '{"big":{"$numberLong":"9007199254740993"},"small":{"$numberLong":"42"},"neg":{"$numberInt":"-7"}}',
  '{"list":[{"$numberInt":"1"},"two",null,[{"$date":"1999-01-01T00:00:00.000Z"}],{"deep":{"x":{"$numberDouble":"0.1"}}}]}',
  '{"id":{"$oid":"5f1d7e7c2f8fb814b56fa181"},"u":{"$undefined":true},"nil":{"$date":null}}',
  '{"contact":{"name":"会员1","mobile":"13900000001"},"answers":{},"offer":null,"$set":{"a.b":{"$numberInt":"2"}}}',
];

describe('the wire EJSON the SDK sends', () => {
  test.each(texts)('%s decodes as bson decodes it', (text) => {
    expect(parseWireEJSON(text, 'query', now)).toEqual(EJSON.parse(text, { relaxed: true }));
  });

  test('regular expressions become RegExps, and server dates the emulator clock plus their offset', () => {
    expect(parseWireEJSON('{"name":{"$regularExpression":{"pattern":"^张","options":"ix"}}}', 'query', now)).toEqual({ name: /^张/i });
    expect(parseWireEJSON('{"at":{"$tcb_server_date":{"offset":{"$numberInt":"1500"}}},"list":[{"$tcb_server_date":{}}]}', 'data', now)).toEqual({
      at: new Date(now + 1500),
      list: [new Date(now)],
    });
  });

  test('bad text is refused with the parameter named', () => {
    expect(() => parseWireEJSON('{"a":', 'query', now)).toThrow(/query is not valid EJSON/);
    expect(() => parseWireEJSON('{"n":{"$numberLong":"12x"}}', 'data', now)).toThrow(/data is not valid EJSON/);
    expect(() => parseWireEJSON('{"a\\u0000b":1}', 'data', now)).toThrow(/null bytes/);
    expect(() => parseWireEJSON(42, 'order', now)).toThrow(/order must be an EJSON string/);
  });
});
