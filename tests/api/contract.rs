//! The committed contract is exactly what the code describes.

#[test]
fn committed_openapi_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = linli_http::openapi_document()
        .to_pretty_json()
        .unwrap_or_default();
    assert!(
        committed.trim_end() == generated.trim_end(),
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}

#[test]
fn every_operation_documents_its_answers_and_its_errors_as_problem_json() {
    let doc = serde_json::to_value(linli_http::openapi_document()).unwrap_or_default();
    let shared = &doc["components"]["responses"];
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        // Open311 answers errors in its specification's own format.
        if path.starts_with("/open311/") {
            continue;
        }
        for (method, op) in item.as_object().into_iter().flatten() {
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
            for (status, response) in op["responses"].as_object().into_iter().flatten() {
                // The common answers are declared once and referred to.
                let response = match response["$ref"].as_str() {
                    Some(to) => {
                        let name = to.trim_start_matches("#/components/responses/");
                        assert!(
                            shared[name].is_object(),
                            "{method} {path} {status}: no {to}"
                        );
                        &shared[name]
                    }
                    None => response,
                };
                assert!(
                    response["description"]
                        .as_str()
                        .is_some_and(|d| !d.trim().is_empty()),
                    "{method} {path} {status} has no description"
                );
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{method} {path} {status} is not documented as problem+json"
                    );
                }
            }
        }
    }
}
