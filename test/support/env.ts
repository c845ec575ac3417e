// Off Tencent Cloud, @cloudbase/node-sdk probes a metadata host before every request unless told it is
// on Tencent Cloud; TENCENTCLOUD=true only changes that probe and a source tag, so local runs set it.
process.env.TENCENTCLOUD = 'true';
process.env.SILENCE = 'true';
// The server key tickets and venue codes derive their secrets from (production sets its own).
process.env.XINLIAN_TICKET_KEY = 'xinlian-test-ticket-key';
