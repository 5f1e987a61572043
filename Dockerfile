# Build: mvn -DskipTests package && docker compose up --build
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 scoutline
WORKDIR /app
COPY target/scoutline-*.jar /app/scoutline.jar
USER scoutline
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/scoutline.jar"]
