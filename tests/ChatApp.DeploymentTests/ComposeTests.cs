using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ChatApp.DeploymentTests;

/// <summary>docker/docker-compose.yml: the whole production shape, the app containers non-root on a read-only filesystem.</summary>
public sealed class ComposeTests
{
    private static readonly YamlMappingNode Compose = Yaml.LoadAll(Repository.Read("docker/docker-compose.yml")).Single();

    private static readonly string[] Apps = ["app1", "app2"];

    private static YamlMappingNode Service(string name) => Compose.Map("services", name);

    [Fact]
    public void It_names_every_part_of_the_production_shape()
    {
        Assert.Equal(["app1", "app2", "mariadb", "migrate", "minio", "nginx", "redis"], Compose.Map("services").Keys().Order());
    }

    [Theory]
    [InlineData("app1")]
    [InlineData("app2")]
    [InlineData("migrate")]
    public void The_chatapp_containers_run_the_image_non_root_on_a_read_only_filesystem(string name)
    {
        var service = Service(name);
        var uid = int.Parse(service.Str("user")!.Split(':')[0], CultureInfo.InvariantCulture);

        Assert.Equal("docker/Dockerfile", service.Str("build", "dockerfile"));
        Assert.True(uid > 0, "user must not be root");
        Assert.Equal("true", service.Str("read_only"));
        Assert.Contains("/tmp", service.Scalars("tmpfs"));
        Assert.Contains("/app/data", service.Scalars("tmpfs"));
    }

    /// <summary>Production refuses to start without MySQL, Redis, object storage and SMTP: the file gives all four, pointing at its own services.</summary>
    [Theory]
    [InlineData("app1")]
    [InlineData("app2")]
    [InlineData("migrate")]
    public void The_chatapp_containers_are_configured_for_production_on_the_compose_services(string name)
    {
        var environment = Service(name).Find("environment").Pairs();

        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Contains("Server=mariadb;", environment["ConnectionStrings__MySql"], StringComparison.Ordinal);
        Assert.StartsWith("redis:", environment["ConnectionStrings__Redis"], StringComparison.Ordinal);
        Assert.Equal("S3", environment["Media__Storage"]);
        Assert.False(string.IsNullOrEmpty(environment["Media__S3__Bucket"]));
        Assert.StartsWith("http://minio:", environment["Media__S3__ServiceUrl"], StringComparison.Ordinal);
        Assert.True(environment["Jwt__SigningKey"]!.Length >= 32);
        Assert.False(string.IsNullOrEmpty(environment["Email__Smtp__Host"]));
        Assert.False(string.IsNullOrEmpty(environment["Email__Smtp__From"]));
        Assert.False(string.IsNullOrEmpty(environment["Email__LinkBaseUrl"]));
    }

    [Fact]
    public void The_instances_trust_forwarded_headers_from_the_compose_network_only()
    {
        var subnet = Assert.Single(Compose.Seq("networks", "default", "ipam", "config").OfType<YamlMappingNode>()).Str("subnet");

        Assert.All(Apps, app => Assert.Equal(subnet, Service(app).Find("environment").Pairs()["ForwardedHeaders__KnownNetworks"]));
    }

    [Fact]
    public void Migrations_run_once_before_the_instances_and_nginx_waits_for_ready_instances()
    {
        Assert.Equal(["migrate"], Service("migrate").Scalars("command"));
        Assert.Equal("service_healthy", Service("migrate").Str("depends_on", "mariadb", "condition"));
        Assert.All(Apps, app => Assert.Equal("service_completed_successfully", Service(app).Str("depends_on", "migrate", "condition")));
        Assert.All(Apps, app => Assert.Equal("service_healthy", Service("nginx").Str("depends_on", app, "condition")));
    }

    /// <summary>The instances get the time to drain (Host__ShutdownTimeout) before Docker kills them.</summary>
    [Fact]
    public void The_instances_get_time_to_drain()
    {
        Assert.All(Apps, app =>
        {
            var drain = TimeSpan.Parse(Service(app).Find("environment").Pairs()["Host__ShutdownTimeout"]!, CultureInfo.InvariantCulture);
            var grace = int.Parse(Service(app).Str("stop_grace_period")!.TrimEnd('s'), CultureInfo.InvariantCulture);
            Assert.True(grace > drain.TotalSeconds, $"stop_grace_period {grace} s must exceed the drain {drain.TotalSeconds} s");
        });
    }

    [Fact]
    public void Only_nginx_is_published_with_the_configuration_from_docker_nginx()
    {
        var nginx = Service("nginx");

        Assert.Equal(["8080:80"], nginx.Scalars("ports"));
        Assert.Contains("./nginx/nginx.conf:/etc/nginx/nginx.conf:ro", nginx.Scalars("volumes"));
        Assert.Contains("./nginx:/etc/nginx/chatapp:ro", nginx.Scalars("volumes"));
        Assert.All(Compose.Map("services").Keys().Where(s => s != "nginx"), s => Assert.False(Service(s).Has("ports"), s + " publishes a port"));
    }
}
