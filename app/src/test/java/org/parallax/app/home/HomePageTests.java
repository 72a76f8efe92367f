package org.parallax.app.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HomePageTests {

    @Test
    void listsEveryLoadedSeedWithHeadlineOutletAndDate() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>Parallax: stories</title>"))
                .body(containsString("Putin Asked Trump For A Mutual Ban On Election Interference."))
                .body(containsString("Putin Calls For Mutual Ban on Election Meddling With US"))
                .body(containsString("NO DEAL: How Secret Talks With Russia To Prevent Election Meddling Collapsed"))
                .body(containsString("Putin says Russia, US should agree not to meddle in each other&#39;s election"))
                .body(containsString("Russian President Vladimir Putin has invited the United States"))
                .body(containsString("The Jerusalem Post"))
                .body(containsString("<time datetime=\"2020-09-25\">25 September 2020</time>"));
    }

    @Test
    void pageIsProperHtml5WithLanguageAndNoInlineHandlers() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<!DOCTYPE html>"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("href=\"#main\""))
                .body(not(containsString("onclick=")))
                .body(not(containsString("onload=")));
    }

    @Test
    void outOfRangePageFallsBackToTheLastPage() {
        given().queryParam("page", 999).when().get("/")
                .then().statusCode(200)
                .body(containsString("Putin Calls For Mutual Ban on Election Meddling With US"));
    }
}
