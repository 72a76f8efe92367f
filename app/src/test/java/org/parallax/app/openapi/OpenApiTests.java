package org.parallax.app.openapi;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTests {

    @Test
    void describesTheHttpInterface() {
        get("/q/openapi").then().statusCode(200)
                .body(containsString("title: Parallax API"))
                .body(containsString("/articles/{id}:"))
                .body(containsString("/api/annotations/{id}:"));
    }

    @Test
    void servesSwaggerUi() {
        get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
