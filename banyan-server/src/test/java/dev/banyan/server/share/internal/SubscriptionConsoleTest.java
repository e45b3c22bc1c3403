package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.share.Subscription;
import dev.banyan.server.share.SubscriptionActor;
import dev.banyan.server.share.Subscriptions;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The subscription pages in both languages and the machine API: who may do what, and what each sees. */
@BanyanServerTest
class SubscriptionConsoleTest {

    @TempDir
    Path dir;
    @Autowired
    MockMvc mvc;
    @Autowired
    SubscriptionTestKit kit;
    @Autowired
    Subscriptions subscriptions;

    private SubscriptionTestCity city;
    private RequestPostProcessor liaison;
    private RequestPostProcessor ownerStaff;

    @BeforeEach
    void setUp() throws Exception {
        city = kit.city(dir);
        liaison = user(city.liaison.username()).roles("DATA_LIAISON");
        ownerStaff = user(city.ownerStaff.username()).roles("CHIEF_DATA_OFFICER");
    }

    @Test
    void theConsumerSubscribesPausesAndReadsEventsInBothLanguagesAndTheOwnerOnlyReads() throws Exception {
        mvc.perform(get("/console/share/subscriptions").with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("数据推送")))
                .andExpect(content().string(containsString("id=\"subscribe-form\"")))
                .andExpect(content().string(containsString("value=\"" + city.grantId + "\"")));
        mvc.perform(post("/console/share/subscriptions").with(liaison).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("grantId", String.valueOf(city.grantId)).param("url", "http://pension.example/hook"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("须使用 https")));
        String location = mvc.perform(post("/console/share/subscriptions").with(liaison).with(csrf())
                        .param("grantId", String.valueOf(city.grantId)).param("url", "https://127.0.0.1:9/hooks/deaths")
                        .param("conditions", "死亡原因 IN 疾病,意外").param("description", "停发养老金"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("secret", org.hamcrest.Matchers.startsWith("whsec_")))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Subscription made = subscriptions.find(id).orElseThrow();
        assertThat(made.conditions()).singleElement().satisfies(c -> assertThat(c.values()).containsExactly("疾病", "意外"));

        mvc.perform(get(location).with(liaison).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Subscription " + id)))
                .andExpect(content().string(containsString("id=\"subscription-actions\"")))
                .andExpect(content().string(containsString("No events here.")));
        mvc.perform(get(location).with(liaison).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("订阅 " + id)))
                .andExpect(content().string(containsString("死亡原因 IN 疾病,意外")));
        mvc.perform(post(location + "/pause").with(liaison).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(subscriptions.find(id).orElseThrow().status()).isEqualTo(Subscription.Status.PAUSED);

        // the owner's chief data officer sees it, read-only
        mvc.perform(get("/console/share/subscriptions").with(ownerStaff).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("https://127.0.0.1:9/hooks/deaths")))
                .andExpect(content().string(not(containsString("id=\"subscribe-form\""))));
        mvc.perform(get(location).with(ownerStaff)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"subscription-actions\""))));
        mvc.perform(post(location + "/resume").with(ownerStaff).with(csrf())).andExpect(status().isForbidden());
        // another department sees nothing of it
        SubscriptionTestCity other = kit.city(dir);
        mvc.perform(get(location).with(user(other.liaison.username()).roles("DATA_LIAISON"))).andExpect(status().isNotFound());

        mvc.perform(post(location + "/delete").with(liaison).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(subscriptions.find(id)).isEmpty();
    }

    @Test
    void aClientSubscribesThroughTheApiAndSeesOnlyItsOwn() throws Exception {
        RequestPostProcessor client = jwt().jwt(j -> j.subject(city.client.clientId()));
        String body = mvc.perform(post("/api/v1/subscriptions").with(client).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "%s", "url": "https://127.0.0.1:9/hooks/deaths",
                                 "conditions": [{"field": "死亡原因", "operator": "EQ", "values": ["疾病"]}]}"""
                                .formatted(city.serviceCode)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret", org.hamcrest.Matchers.startsWith("whsec_")))
                .andExpect(jsonPath("$.subscription.grantId").value(city.grantId))
                .andReturn().getResponse().getContentAsString();
        long id = SubscriptionStore.JSON.readTree(body).get("subscription").get("id").asLong();
        mvc.perform(get("/api/v1/subscriptions").with(client)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/subscriptions/" + id + "/events").with(client)).andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(post("/api/v1/subscriptions").with(client).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\": \"no-such-service\", \"url\": \"https://x.example/h\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("no-such-service")));

        SubscriptionTestCity other = kit.city(dir);
        RequestPostProcessor stranger = jwt().jwt(j -> j.subject(other.client.clientId()));
        mvc.perform(get("/api/v1/subscriptions/" + id).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/subscriptions/" + id).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subscriptions").with(stranger)).andExpect(content().json("[]"));

        mvc.perform(delete("/api/v1/subscriptions/" + id).with(client)).andExpect(status().isNoContent());
        assertThat(subscriptions.visibleTo(SubscriptionActor.of(city.client))).isEmpty();
    }
}
