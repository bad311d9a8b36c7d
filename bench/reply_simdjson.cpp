// simdjson's On Demand API (Debian: libsimdjson-dev) reading the same three fields of a reply
// as the other contenders of reply.c. On Demand validates what it reads, not the whole document
// (a value it never visits is not checked): its ratio is shown, not compared like with like.
#include <simdjson.h>

#include "reply_rivals.h"

using namespace simdjson;

extern "C" int parse_simdjson(const struct shape *s, const char *body, size_t len, struct fields *f) {
    static ondemand::parser parser;
    ondemand::document doc;
    if (parser.iterate(body, len, len + SIMDJSON_PADDING).get(doc)) return 0;
    ondemand::object objects[4];
    if (doc.get_object().get(objects[0])) return 0;
    // Down the container path, keeping each object: the request id is a sibling on that path.
    int depth = 0;
    for (; s->container[depth]; depth++) {
        ondemand::value v;
        error_code e = objects[depth].find_field_unordered(s->container[depth]).get(v);
        if (e == NO_SUCH_FIELD) break;
        if (e || v.get_object().get(objects[depth + 1])) return 0;
    }
    f->code = nullptr;
    f->code_len = f->message_len = f->request_id_len = 0;
    if (!s->container[depth]) {
        std::string_view code, message;
        error_code e = objects[depth].find_field_unordered(s->code_key).get_string().get(code);
        if (!e) {
            f->code = code.data();
            f->code_len = code.size();
            if (!objects[depth].find_field_unordered(s->message_key).get_string().get(message))
                f->message_len = message.size();
        } else if (e != NO_SUCH_FIELD) {
            return 0;
        }
    }
    if (s->request_id_key && s->request_id_depth <= depth) {
        std::string_view id;
        if (!objects[s->request_id_depth].find_field_unordered(s->request_id_key).get_string().get(id))
            f->request_id_len = id.size();
    }
    return 1;
}
