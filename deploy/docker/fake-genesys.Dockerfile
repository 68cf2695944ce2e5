# syntax=docker/dockerfile:1
# The WireMock-based Genesys Cloud fake for demos and local runs (not for production). Build
# from the repository root after `./mvnw -pl fake-genesys package`:
#   docker build -f deploy/docker/fake-genesys.Dockerfile -t genesys-bridge/fake-genesys:<version> .
# Arguments are the fake's own (see --help), e.g.
#   --bind=0.0.0.0 --port=18080 --client=demo-client:demo-secret --integration=demo-integration

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 bridge \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin bridge
WORKDIR /application
ARG JAR_FILE=fake-genesys/target/fake-genesys-*-exec.jar
COPY ${JAR_FILE} fake-genesys.jar
USER 10001:10001
EXPOSE 18080
ENTRYPOINT ["java", "-jar", "fake-genesys.jar"]
CMD ["--bind=0.0.0.0", "--port=18080"]
